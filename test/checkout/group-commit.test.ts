import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CheckoutBody } from '../../functions/checkout/checkout-body.ts';
import { placeOrder } from '../../functions/checkout/place-order.ts';
import { createTestDeps } from '../support/deps.ts';
import { checkoutBody, INITIAL_STOCK, ledgerSum, readStock, SHOP, seedShop } from './fixtures.ts';

describe('group commit of concurrent checkouts', () => {
  let t: Awaited<ReturnType<typeof createTestDeps>>;

  beforeEach(async () => {
    t = await createTestDeps();
    await seedShop(t.deps, { ...INITIAL_STOCK, 'CAKE-L': 3 });
  });
  afterEach(async () => {
    await t.close();
  });

  it('commits the checkouts that fit and refuses the rest, numbering only the placed ones', async () => {
    const body = CheckoutBody.parse(checkoutBody({ lines: [{ sku: 'CAKE-L', quantity: 1 }] }));
    const store = t.deps.store;
    const runTransaction = store.runTransaction.bind(store);
    let transactions = 0;
    store.runTransaction = (fn, options) => {
      transactions += 1;
      return runTransaction(fn, options);
    };
    const results = await Promise.allSettled(
      Array.from({ length: 5 }, () => placeOrder(t.deps, SHOP, body)),
    );

    const placed = results.filter((r) => r.status === 'fulfilled').map((r) => r.value.orderNumber);
    const refused = results.filter((r) => r.status === 'rejected').map((r) => r.reason.code);
    expect(placed.sort()).toEqual(['BF-1001', 'BF-1002', 'BF-1003']);
    expect(refused).toEqual(['out_of_stock', 'out_of_stock']);
    expect(await readStock(t.deps, 'CAKE-L')).toMatchObject({ available: 0, reserved: 3 });
    expect(await ledgerSum(t.deps, 'CAKE-L')).toBe(0);
    expect((await t.deps.store.get(`shops/${SHOP}/counters/orders`)).data).toEqual({ next: 1004 });
    expect(transactions).toBe(1);
    expect(await t.deps.store.query({ collection: `shops/${SHOP}/orders` })).toHaveLength(3);
  });

  it('keeps a mixed cart whole: a line that does not fit refuses the entire order', async () => {
    const body = CheckoutBody.parse(
      checkoutBody({
        lines: [
          { sku: 'TEFF-500', quantity: 1 },
          { sku: 'CAKE-L', quantity: 4 },
        ],
      }),
    );
    await expect(placeOrder(t.deps, SHOP, body)).rejects.toMatchObject({ code: 'out_of_stock' });
    expect(await readStock(t.deps, 'TEFF-500')).toMatchObject({ available: 50, reserved: 0 });
  });
});
