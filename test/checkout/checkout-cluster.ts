import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const script = fileURLToPath(new URL('./serve-checkout.ts', import.meta.url));

/** Starts `processes` OS processes serving checkout over one SQLite file. */
export async function startCheckoutCluster(file: string, processes = 2) {
  const children: ChildProcess[] = [];
  const urls = await Promise.all(
    Array.from({ length: processes }, () => {
      const child = spawn(process.execPath, [script, file], { stdio: ['ignore', 'pipe', 'pipe'] });
      children.push(child);
      return new Promise<string>((resolve, reject) => {
        let out = '';
        let err = '';
        child.stdout!.on('data', (d: Buffer) => {
          out += d;
          const port = /LISTENING (\d+)/.exec(out)?.[1];
          if (port) resolve(`http://127.0.0.1:${port}`);
        });
        child.stderr!.on('data', (d: Buffer) => {
          err += d;
        });
        child.once('exit', (code) =>
          reject(new Error(`server exited ${code}: ${err.slice(0, 2000)}`)),
        );
      });
    }),
  );
  return {
    urls,
    pids: children.map((c) => c.pid!),
    async close() {
      await Promise.all(
        children.map(
          (c) =>
            new Promise<void>((resolve) => {
              if (c.exitCode !== null) return resolve();
              c.once('exit', () => resolve());
              c.kill('SIGTERM');
            }),
        ),
      );
    },
  };
}

export interface LoadResult {
  statuses: Record<number, number>;
  latenciesMs: number[];
  seconds: number;
  bodies: unknown[];
}

/**
 * Sends `total` requests from `concurrency` clients, spread round-robin over `urls`; each
 * client waits for its response before sending the next.
 */
export async function fireLoad(
  urls: string[],
  options: {
    total: number;
    concurrency: number;
    request: (i: number) => { path: string; init?: RequestInit };
  },
): Promise<LoadResult> {
  const result: LoadResult = { statuses: {}, latenciesMs: [], seconds: 0, bodies: [] };
  let next = 0;
  const started = performance.now();
  async function client() {
    for (let i = next++; i < options.total; i = next++) {
      const { path, init } = options.request(i);
      const t0 = performance.now();
      const res = await fetch(`${urls[i % urls.length]}${path}`, init);
      const body = await res.json();
      result.latenciesMs.push(performance.now() - t0);
      result.statuses[res.status] = (result.statuses[res.status] ?? 0) + 1;
      result.bodies.push(body);
    }
  }
  await Promise.all(Array.from({ length: options.concurrency }, client));
  result.seconds = (performance.now() - started) / 1000;
  return result;
}
