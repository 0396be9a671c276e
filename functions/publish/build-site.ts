import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { AppError } from '../core/errors.ts';
import { type AstroBuildOptions, BUILD_NODE_FLAGS } from './astro-build.ts';

export { STOREFRONT_ROOT } from './astro-build.ts';
export type BuildSiteOptions = AstroBuildOptions;

const WORKER = new URL('./build-worker.ts', import.meta.url).pathname;
/**
 * Astro writes its temporary server bundle under the working directory when `outDir` lies
 * outside it, and that bundle must resolve packages from our node_modules: each build gets
 * its own scratch working directory inside it.
 */
export const SCRATCH_ROOT = new URL('../../node_modules/.cache/konta-builds/', import.meta.url)
  .pathname;

/** A build that has not finished in an hour was killed; its scratch folder is litter. */
const STALE_SCRATCH_MS = 60 * 60 * 1000;

export async function makeScratchDir(): Promise<string> {
  await mkdir(SCRATCH_ROOT, { recursive: true });
  for (const name of await readdir(SCRATCH_ROOT)) {
    const info = await stat(join(SCRATCH_ROOT, name)).catch(() => undefined);
    if (info && Date.now() - info.mtimeMs > STALE_SCRATCH_MS) {
      await rm(join(SCRATCH_ROOT, name), { recursive: true, force: true });
    }
  }
  return mkdtemp(join(SCRATCH_ROOT, 'build-'));
}
const STDERR_TAIL = 4000;
/** 10,000 products build in about 30 s here; a build still running after 15 min is stuck. */
const BUILD_TIMEOUT_MS = 15 * 60 * 1000;

/**
 * One static build of the storefront in a child process (Astro's programmatic `build()` on
 * the same Node binary). A process per build keeps builds from sharing module state or
 * Astro's temporary folders, and returns the build's memory to the system afterwards.
 */
export async function buildSite(options: BuildSiteOptions): Promise<void> {
  const cwd = await makeScratchDir();
  // The child runs elsewhere: relative paths (DATA_DIR=.data) must not follow it.
  const absolute = {
    ...options,
    snapshotFile: resolve(options.snapshotFile),
    outDir: resolve(options.outDir),
    ...(options.cacheDir ? { cacheDir: resolve(options.cacheDir) } : {}),
  };
  try {
    await runWorker(cwd, absolute);
  } finally {
    await rm(cwd, { recursive: true, force: true });
  }
}

async function runWorker(cwd: string, options: BuildSiteOptions): Promise<void> {
  const child = spawn(process.execPath, [...BUILD_NODE_FLAGS, WORKER], {
    cwd,
    env: { ...process.env, KONTA_BUILD: JSON.stringify(options) },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-STDERR_TAIL);
  });
  const timer = setTimeout(() => child.kill('SIGKILL'), BUILD_TIMEOUT_MS);
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', resolve);
  }).finally(() => clearTimeout(timer));
  if (code !== 0) {
    throw new AppError('internal', {
      message: `The storefront build failed (exit ${code}).`,
      details: { stderr: stderr.trim() },
    });
  }
}
