import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LedgerDoc } from '../../functions/inventory/stock.ts';
import type { Order } from '../../shared/orders/order.ts';
import { createTestDeps } from '../support/deps.ts';
import { fireLoad, startCheckoutCluster } from './checkout-cluster.ts';
import { checkoutBody, INITIAL_STOCK, ledgerSum, readStock, SHOP, seedShop } from './fixtures.ts';

describe('overselling under concurrent checkout', () => {
  let t: Awaited<ReturnType<typeof createTestDeps>>;
  let cluster: Awaited<ReturnType<typeof startCheckoutCluster>>;

  beforeAll(async () => {
    t = await createTestDeps();
    await seedShop(t.deps, { ...INITIAL_STOCK, 'CAKE-L': 10 });
    cluster = await startCheckoutCluster(join(t.dir, 'konta.db'), 2);
  }, 30_000);
  afterAll(async () => {
    await cluster?.close();
    await t.close();
  });

  it('sells exactly 10 of 10 units to 200 concurrent buyers across two processes', async () => {
    const address = { line1: 'Rúa Nova 3', city: 'Vigo', postalCode: '36201', country: 'ES' };
    const body = JSON.stringify(
      checkoutBody({
        lines: [{ sku: 'CAKE-L', quantity: 1 }],
        fulfilment: { method: 'shipping', methodId: 'courier', address },
      }),
    );
    const load = await fireLoad(cluster.urls, {
      total: 200,
      concurrency: 200,
      request: () => ({
        path: `/api/shops/${SHOP}/checkout`,
        init: { method: 'POST', headers: { 'content-type': 'application/json' }, body },
      }),
    });

    expect(new Set(cluster.pids).size).toBe(2);
    expect(load.statuses).toEqual({ 201: 10, 409: 190 });
    const codes = new Set(
      load.bodies.map((b) => (b as { error?: { code: string } }).error?.code).filter(Boolean),
    );
    expect([...codes]).toEqual(['out_of_stock']);

    const orders = await t.deps.store.query<Order>({ collection: `shops/${SHOP}/orders` });
    expect(orders).toHaveLength(10);
    expect(new Set(orders.map((o) => o.data!.number)).size).toBe(10);
    const stock = await readStock(t.deps, 'CAKE-L');
    expect(stock).toMatchObject({ available: 0, reserved: 10, sold: 0 });
    expect(await ledgerSum(t.deps, 'CAKE-L')).toBe(stock.available);

    // Replaying the ledger in commit order never takes the stock below zero.
    const entries = await t.deps.store.query<LedgerDoc>({
      collection: `shops/${SHOP}/ledger`,
      where: [{ field: 'sku', op: '==', value: 'CAKE-L' }],
      orderBy: [{ field: 'at' }],
    });
    let running = 0;
    for (const e of entries) {
      running += e.data!.delta;
      expect(running).toBeGreaterThanOrEqual(0);
    }
    expect(entries.filter((e) => e.data!.reason === 'reservation')).toHaveLength(10);
  }, 60_000);
});
