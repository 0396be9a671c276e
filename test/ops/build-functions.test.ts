import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildFunctions } from '../../functions/ops/build-functions.ts';
import { FUNCTIONS } from '../../functions/ops/functions.ts';

const root = resolve(import.meta.dirname, '../..');
// Inside the repository, so the bundles' bare imports resolve from its node_modules.
const outDir = join(root, 'dist', `.test-build-${randomUUID().slice(0, 8)}`);
const rootPackage = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

afterAll(() => rmSync(outDir, { recursive: true, force: true }));

async function freePort(): Promise<number> {
  return new Promise((done) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => done(port));
    });
  });
}

describe('npm run build:functions', () => {
  const built = buildFunctions({ root, outDir });

  it('bundles every function with a package.json pinning only runtime dependencies', async () => {
    const functions = await built;
    expect(functions.map((f) => f.name)).toEqual(FUNCTIONS.map((f) => f.name));
    for (const fn of functions) {
      const manifest = JSON.parse(readFileSync(join(fn.dir, 'package.json'), 'utf8'));
      expect(manifest).toMatchObject({ type: 'module', main: 'index.js' });
      expect(manifest.engines.node).toBe(rootPackage.engines.node);
      expect(manifest.dependencies['@google-cloud/functions-framework']).toMatch(/^\d+\.\d+\.\d+$/);
      for (const name of Object.keys(manifest.dependencies)) {
        expect(rootPackage.dependencies[name], `${name} is a runtime dependency`).toBeDefined();
      }
      expect(readFileSync(join(fn.dir, 'index.js'), 'utf8')).not.toMatch(
        /from ['"]\.\.?\/.*\.ts['"]/,
      );
    }
  });

  const prefixes: Record<string, string> = {
    'storefront-api': '/api',
    'admin-api': '/api/admin',
    webhooks: '/api/webhooks',
    jobs: '/jobs',
  };

  for (const { name, target } of FUNCTIONS) {
    it(`serves the bundled ${name} under functions-framework, as Cloud Run would`, async () => {
      const fn = (await built).find((f) => f.name === name)!;
      const port = await freePort();
      const data = mkdtempSync(join(tmpdir(), 'konta-fn-'));
      const started = performance.now();
      const child = spawn(
        process.execPath,
        [
          join(root, 'node_modules/@google-cloud/functions-framework/build/src/main.js'),
          `--target=${target}`,
          `--source=${fn.dir}`,
          `--port=${port}`,
        ],
        { env: { ...process.env, KONTA_ENV: 'test', DATA_DIR: data, PORT: String(port) } },
      );
      try {
        let res: Response | undefined;
        for (let i = 0; i < 150 && !res; i++) {
          res = await fetch(`http://127.0.0.1:${port}${prefixes[name]}/readyz`).catch(
            () => undefined,
          );
          if (!res) await new Promise((r) => setTimeout(r, 100));
        }
        const coldStartMs = Math.round(performance.now() - started);
        expect(res?.status).toBe(200);
        expect(await res!.json()).toMatchObject({ status: 'ready', store: 'sqlite' });
        expect(res!.headers.get('x-request-id')).toBeTruthy();
        console.log(JSON.stringify({ function: name, coldStartMs, bytes: fn.bytes }));
      } finally {
        child.kill();
      }
    });
  }
});
