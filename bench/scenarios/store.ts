import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SqliteStore } from '../../functions/store/sqlite/sqlite-store.ts';
import { runNode } from '../../test/support/processes.ts';
import { round } from '../support.ts';

const worker = fileURLToPath(new URL('../../test/support/store-worker.ts', import.meta.url));
const DOC = 'shops/bench/stock/SKU';

/** Guarded decrements per second with `processes` workers sharing one SQLite file. */
async function measure(
  processes: number,
  perProcess: number,
): Promise<{ tps: number; ok: boolean }> {
  const file = join(mkdtempSync(join(tmpdir(), 'konta-store-bench-')), 'bench.db');
  const store = new SqliteStore({ file });
  const stock = processes * perProcess;
  await store.set(DOC, { value: stock });

  const started = performance.now();
  const outputs = await Promise.all(
    Array.from({ length: processes }, () =>
      runNode([worker, file, 'decrement', String(perProcess), DOC]),
    ),
  );
  const seconds = (performance.now() - started) / 1000;

  const successes = outputs.reduce((sum, o) => sum + (JSON.parse(o).successes as number), 0);
  const left = ((await store.get<{ value: number }>(DOC)).data?.value ?? -1) as number;
  await store.close();
  return { tps: successes / seconds, ok: successes === stock && left === 0 };
}

/**
 * SQLite adapter throughput for the hot path of checkout: a transaction that reads a stock
 * counter and decrements it if positive. Wall time includes process start (~100 ms each).
 */
export default async function storeBench(args: string[]): Promise<object> {
  const perProcess = Number(args[0] ?? 5000);
  process.stderr.write(`store: 1 process × ${perProcess}\n`);
  const one = await measure(1, perProcess);
  process.stderr.write(`store: 4 processes × ${perProcess}\n`);
  const four = await measure(4, perProcess);
  return {
    scenario: 'store',
    adapter: 'sqlite',
    transactions_per_process: perProcess,
    tps_1_process: round(one.tps, 0),
    tps_4_processes: round(four.tps, 0),
    ratio_4_to_1: round(four.tps / one.tps, 3),
    exact: one.ok && four.ok,
  };
}
