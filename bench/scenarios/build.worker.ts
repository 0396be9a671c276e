/**
 * One measured build in a fresh process, so peak memory is this build's alone:
 * `node build.worker.ts site <snapshot.json> <outDir>` (the storefront) or
 * `node build.worker.ts bare <pages> <outDir>` (a bare Astro site of trivial pages).
 * Prints `{ ms, peak_mb, pages }` as JSON on stdout.
 */
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runAstroBuild } from '../../functions/publish/astro-build.ts';

const [mode, arg, outDir] = process.argv.slice(2) as [string, string, string];

async function buildBare(pages: number): Promise<void> {
  // Inside the repository, so the project resolves `astro` from our node_modules.
  const root = new URL(`../out/bare-astro-${process.pid}/`, import.meta.url).pathname;
  mkdirSync(join(root, 'src/pages'), { recursive: true });
  writeFileSync(
    join(root, 'src/pages/[n].astro'),
    `---
export function getStaticPaths() {
  return Array.from({ length: ${pages} }, (_, i) => ({ params: { n: String(i + 1) } }));
}
const { n } = Astro.params;
---
<html lang="en"><head><meta charset="utf-8"><title>Page {n}</title></head><body><h1>Page {n}</h1></body></html>
`,
  );
  process.env.ASTRO_TELEMETRY_DISABLED = '1';
  const { build } = await import('astro');
  const started = performance.now();
  await build({
    root,
    configFile: false,
    outDir,
    trailingSlash: 'always',
    build: { format: 'directory', inlineStylesheets: 'always' },
    devToolbar: { enabled: false },
    logLevel: 'warn',
    cacheDir: join(process.cwd(), '.astro-cache'),
    vite: { logLevel: 'warn' },
  });
  report(started);
  rmSync(root, { recursive: true, force: true });
}

async function buildStorefront(snapshotFile: string): Promise<void> {
  await import('astro');
  const started = performance.now();
  await runAstroBuild({
    snapshotFile,
    outDir,
    base: '/',
    site: 'https://bench.example',
  });
  report(started);
}

function countPages(dir: string): number {
  return readdirSync(dir, { recursive: true }).filter((f) => String(f).endsWith('.html')).length;
}

function report(started: number): void {
  const ms = Math.round(performance.now() - started);
  const peakMb = Math.round(process.resourceUsage().maxRSS / 1024);
  console.log(JSON.stringify({ ms, peak_mb: peakMb, pages: countPages(outDir) }));
}

if (mode === 'bare') await buildBare(Number(arg));
else await buildStorefront(arg);
