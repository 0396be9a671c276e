import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildFunction } from '../../functions/ops/build-functions.ts';
import { FUNCTIONS } from '../../functions/ops/functions.ts';
import { freePort, median, progressBar, round, spawnNode } from '../support.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const framework = join(root, 'node_modules/@google-cloud/functions-framework/build/src/main.js');
const outdir = join(root, 'bench/out/coldstart');

/** Builds the storefront API exactly as `npm run deploy` ships it (functions/ops). */
async function bundleEntry(): Promise<string> {
  const storefront = FUNCTIONS.find((f) => f.name === 'storefront-api')!;
  const built = await buildFunction(storefront, { root, outDir: outdir });
  return join(built.dir, 'index.js');
}

interface Target {
  name: string;
  args: (port: number) => string[];
  path: string;
}

const TARGETS: Target[] = [
  {
    name: 'storefrontApi',
    args: (port) => [
      framework,
      '--target=storefrontApi',
      `--source=${join(outdir, 'storefront-api', 'index.js')}`,
      `--port=${port}`,
    ],
    path: '/api/healthz',
  },
  {
    name: 'hello',
    args: (port) => [
      framework,
      '--target=hello',
      `--source=${join(root, 'bench/fixtures/hello.js')}`,
      `--port=${port}`,
    ],
    path: '/',
  },
];

/** Spawn → first 200, in ms. */
async function coldStart(target: Target, dataDir: string): Promise<number> {
  const port = await freePort();
  const started = performance.now();
  const child = spawnNode(target.args(port), {
    KONTA_ENV: 'test',
    DATA_DIR: dataDir,
    LOG_LEVEL: 'silent',
    NODE_ENV: 'production',
  });
  try {
    for (;;) {
      if (performance.now() - started > 15_000) throw new Error(`${target.name} did not start`);
      const ok = await fetch(`http://127.0.0.1:${port}${target.path}`)
        .then((r) => r.status === 200)
        .catch(() => false);
      if (ok) return performance.now() - started;
      await new Promise((r) => setTimeout(r, 3));
    }
  } finally {
    child.kill('SIGKILL');
  }
}

/**
 * Cold start of the storefront API's functions-framework entry against a bare
 * functions-framework hello, alternating runs so both see the same machine load.
 */
export default async function coldstart(args: string[]): Promise<object> {
  const runs = Number(args[0] ?? 21);
  await bundleEntry();
  const dataDir = mkdtempSync(join(tmpdir(), 'konta-coldstart-'));
  const times: Record<string, number[]> = { storefrontApi: [], hello: [] };
  const tick = progressBar('coldstart', runs);

  await coldStart(TARGETS[0]!, dataDir); // warm the OS file cache for both
  await coldStart(TARGETS[1]!, dataDir);
  for (let i = 0; i < runs; i++) {
    for (const target of TARGETS) times[target.name]!.push(await coldStart(target, dataDir));
    tick(i + 1);
  }

  const ms = median(times.storefrontApi!);
  const baseline = median(times.hello!);
  return {
    scenario: 'coldstart',
    runs,
    ms: round(ms, 1),
    baseline_ms: round(baseline, 1),
    ratio: round(ms / baseline, 3),
  };
}
