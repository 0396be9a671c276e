import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAdminApi } from '../../functions/apps/admin-api.ts';
import { ledgerSum, readStock, SHOP, seedShop } from '../checkout/fixtures.ts';
import { adminRequest, signIn } from '../support/admin-session.ts';
import { createTestDeps } from '../support/deps.ts';

describe('stock adjustments through the admin API', () => {
  let t: Awaited<ReturnType<typeof createTestDeps>>;
  let admin: ReturnType<typeof createAdminApi>;
  let headers: Record<string, string>;

  beforeEach(async () => {
    t = await createTestDeps();
    await seedShop(t.deps);
    admin = createAdminApi(t.deps);
    headers = await signIn(t.deps, SHOP);
  });
  afterEach(async () => {
    await t.close();
  });

  it('records a recount and a production run in the ledger, with who and why', async () => {
    t.clock.advance(60_000);
    const recount = await adminRequest(admin, headers, 'POST', '/api/admin/stock/CAKE-L/adjust', {
      delta: -2,
      reason: 'adjustment',
      why: 'two cakes dropped',
    });
    expect(recount.status).toBe(200);
    expect(await recount.json()).toMatchObject({ sku: 'CAKE-L', available: 3 });
    t.clock.advance(60_000);
    await adminRequest(admin, headers, 'POST', '/api/admin/stock/CAKE-L/adjust', {
      delta: 6,
      reason: 'production',
      why: 'afternoon batch',
    });

    expect(await readStock(t.deps, 'CAKE-L')).toMatchObject({ available: 9 });
    expect(await ledgerSum(t.deps, 'CAKE-L')).toBe(9);
    const ledger = await adminRequest(admin, headers, 'GET', '/api/admin/stock/CAKE-L/ledger');
    const { entries } = await ledger.json();
    expect(entries.map((e: { reason: string; delta: number }) => [e.reason, e.delta])).toEqual([
      ['production', 6],
      ['adjustment', -2],
      ['production', 5],
    ]);
    expect(entries[1].why).toBe('two cakes dropped');
    expect(entries[1].who).toMatch(/.+/);
  });

  it('refuses a zero delta, a sale reason and an SKU of another shop', async () => {
    const zero = await adminRequest(admin, headers, 'POST', '/api/admin/stock/CAKE-L/adjust', {
      delta: 0,
      reason: 'adjustment',
      why: 'x',
    });
    const sale = await adminRequest(admin, headers, 'POST', '/api/admin/stock/CAKE-L/adjust', {
      delta: -1,
      reason: 'sale',
      why: 'x',
    });
    const other = await signIn(t.deps, 'other-shop');
    const foreign = await adminRequest(admin, other, 'POST', '/api/admin/stock/CAKE-L/adjust', {
      delta: 5,
      reason: 'production',
      why: 'x',
    });
    expect([zero.status, sale.status, foreign.status]).toEqual([400, 400, 404]);
    expect(await readStock(t.deps, 'CAKE-L')).toMatchObject({ available: 5 });
  });
});
