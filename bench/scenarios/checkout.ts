import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../functions/core/config.ts';
import { createDeps } from '../../functions/deps.ts';
import type { StockDoc } from '../../functions/inventory/stock.ts';
import { SqliteStore } from '../../functions/store/sqlite/sqlite-store.ts';
import {
  fireLoad,
  type LoadResult,
  startCheckoutCluster,
} from '../../test/checkout/checkout-cluster.ts';
import { checkoutBody, INITIAL_STOCK, SHOP, seedShop } from '../../test/checkout/fixtures.ts';
import { percentile, round } from '../support.ts';

const CONCURRENCY = 50;
const ROUNDS = 4;
/** Checkouts of another SKU first, so JIT and lazy imports are not measured. */
const WARMUP = 300;

/**
 * Checkout throughput against a bare Hono JSON endpoint served by the same two server
 * processes in the same run, 50 concurrent clients. Args: [attempts] [stock] [processes].
 */
export default async function checkoutBench(args: string[]): Promise<object> {
  const attempts = Number(args[0] ?? 2000);
  const stockUnits = Number(args[1] ?? Math.floor(attempts / 2));
  const processes = Number(args[2] ?? 2);
  const dir = mkdtempSync(join(tmpdir(), 'konta-checkout-bench-'));
  const file = join(dir, 'konta.db');

  const store = new SqliteStore({ file });
  const deps = await createDeps(
    loadConfig({ KONTA_ENV: 'test', DATA_DIR: dir, LOG_LEVEL: 'silent' }),
    { store },
  );
  await seedShop(deps, { ...INITIAL_STOCK, 'TEFF-500': stockUnits, 'CAKE-L': WARMUP });
  const cluster = await startCheckoutCluster(file, processes);

  try {
    const address = { line1: 'Rúa Nova 3', city: 'Vigo', postalCode: '36201', country: 'ES' };
    const bodyFor = (sku: string) =>
      JSON.stringify(
        checkoutBody({
          lines: [{ sku, quantity: 1 }],
          fulfilment: { method: 'shipping', methodId: 'courier', address },
        }),
      );
    const post = (body: string) => () => ({
      path: `/api/shops/${SHOP}/checkout`,
      init: { method: 'POST', headers: { 'content-type': 'application/json' }, body },
    });
    process.stderr.write(
      `checkout: warm-up, ${WARMUP} checkouts and ${WARMUP} baseline requests\n`,
    );
    const warm = { total: WARMUP, concurrency: CONCURRENCY };
    await fireLoad(cluster.urls, { ...warm, request: () => ({ path: '/bench/baseline' }) });
    await fireLoad(cluster.urls, { ...warm, request: post(bodyFor('CAKE-L')) });

    // Alternate baseline and checkout rounds, so both see the same machine load.
    const baseline = emptyLoad();
    const checkout = emptyLoad();
    for (let round = 0; round < ROUNDS; round++) {
      const total = Math.ceil(attempts / ROUNDS);
      process.stderr.write(
        `checkout: round ${round + 1}/${ROUNDS}, ${total} + ${total} requests\n`,
      );
      merge(
        baseline,
        await fireLoad(cluster.urls, {
          total,
          concurrency: CONCURRENCY,
          request: () => ({ path: '/bench/baseline' }),
        }),
      );
      merge(
        checkout,
        await fireLoad(cluster.urls, {
          total,
          concurrency: CONCURRENCY,
          request: post(bodyFor('TEFF-500')),
        }),
      );
    }

    const orders = (await store.query({ collection: `shops/${SHOP}/orders` })).length - WARMUP;
    const stock = (await store.get<StockDoc>(`shops/${SHOP}/stock/TEFF-500`)).data!;
    const rps = checkout.latenciesMs.length / checkout.seconds;
    const baselineRps = baseline.latenciesMs.length / baseline.seconds;
    process.stderr.write(`checkout: statuses ${JSON.stringify(checkout.statuses)}\n`);
    return {
      scenario: 'checkout',
      attempts: checkout.latenciesMs.length,
      stock: stockUnits,
      orders,
      oversold: Math.max(0, orders - stockUnits) + (stock.available < 0 ? -stock.available : 0),
      rps: round(rps, 0),
      p99_ms: round(percentile(checkout.latenciesMs, 99), 1),
      baseline_rps: round(baselineRps, 0),
      ratio: round(rps / baselineRps, 3),
      processes: cluster.urls.length,
      concurrency: CONCURRENCY,
      statuses: checkout.statuses,
      p50_ms: round(percentile(checkout.latenciesMs, 50), 1),
      baseline_p99_ms: round(percentile(baseline.latenciesMs, 99), 1),
    };
  } finally {
    await cluster.close();
    await store.close();
  }
}

function emptyLoad(): LoadResult {
  return { statuses: {}, latenciesMs: [], seconds: 0, bodies: [] };
}

function merge(into: LoadResult, part: LoadResult): void {
  for (const [status, count] of Object.entries(part.statuses)) {
    into.statuses[Number(status)] = (into.statuses[Number(status)] ?? 0) + count;
  }
  into.latenciesMs.push(...part.latenciesMs);
  into.seconds += part.seconds;
}
