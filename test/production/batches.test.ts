import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { completeBatch } from '../../functions/production/batches/complete-batch.ts';
import { planBatch } from '../../functions/production/batches/plan-batch.ts';
import {
  receiveIngredient,
  saveIngredient,
} from '../../functions/production/ingredients/save-ingredient.ts';
import { saveRecipe } from '../../functions/production/recipes/save-recipe.ts';
import { registerProductionAdminRoutes } from '../../functions/production/routes.ts';
import { seedProduct, seedShop } from '../odoo/fixtures.ts';
import { adminAppFor } from '../odoo/harness.ts';
import { createTestDeps } from '../support/deps.ts';

const shopId = 'bakery';
type T = Awaited<ReturnType<typeof createTestDeps>>;

async function stockOf(t: T, sku: string) {
  return (await t.deps.store.get(`shops/${shopId}/stock/${sku}`)).data?.available;
}
async function ledger(t: T) {
  const snaps = await t.deps.store.query({ collection: `shops/${shopId}/ledger` });
  return snaps.map(
    (s) => s.data as { sku: string; delta: number; reason: string; why: string; at: string },
  );
}

/** Teff loaf: 500 g teff flour, 10 g yeast, 350 ml water per batch of 2 loaves. */
async function bakery(t: T, stock: { flour: number; yeast: number; water: number }) {
  await seedShop(t.deps, shopId);
  await seedProduct(t.deps, shopId, {
    id: 'teff',
    title: 'Pan de teff',
    variants: [{ sku: 'TEFF-LOAF', price: 520, stock: 3 }],
  });
  await saveIngredient(t.deps, shopId, 'ING-TEFF', {
    name: 'Harina de teff',
    unit: 'g',
    reorderPoint: 1000,
  });
  await saveIngredient(t.deps, shopId, 'ING-YEAST', { name: 'Levadura', unit: 'g' });
  await saveIngredient(t.deps, shopId, 'ING-WATER', { name: 'Agua', unit: 'ml' });
  await receiveIngredient(t.deps, shopId, 'ING-TEFF', stock.flour, 'u1');
  await receiveIngredient(t.deps, shopId, 'ING-YEAST', stock.yeast, 'u1');
  await receiveIngredient(t.deps, shopId, 'ING-WATER', stock.water, 'u1');
  await saveRecipe(t.deps, shopId, 'TEFF-LOAF', {
    yield: 2,
    ingredients: [
      { sku: 'ING-TEFF', quantity: 500 },
      { sku: 'ING-YEAST', quantity: 10 },
      { sku: 'ING-WATER', quantity: 350 },
    ],
  });
}

describe('production batches', () => {
  let t: T;
  beforeEach(async () => {
    t = await createTestDeps();
  });
  afterEach(() => t.close());

  it('consumes exactly its ingredients and adds the finished stock in one transaction', async () => {
    await bakery(t, { flour: 2000, yeast: 100, water: 5000 });
    const before = (await ledger(t)).length;
    expect((await ledger(t)).filter((e) => e.reason === 'production')).toEqual([]);

    const batch = await planBatch(t.deps, shopId, { sku: 'TEFF-LOAF', batches: 3, who: 'u1' });
    expect(batch).toMatchObject({ status: 'planned', quantity: 6 });
    const result = await completeBatch(t.deps, shopId, batch.id, 'u1');
    expect(result).toMatchObject({ ok: true, batch: { status: 'done' } });

    expect(await stockOf(t, 'ING-TEFF')).toBe(2000 - 1500);
    expect(await stockOf(t, 'ING-YEAST')).toBe(100 - 30);
    expect(await stockOf(t, 'ING-WATER')).toBe(5000 - 1050);
    expect(await stockOf(t, 'TEFF-LOAF')).toBe(3 + 6);
    const entries = (await ledger(t)).filter((e) => e.reason === 'production');
    expect(entries.map((e) => [e.sku, e.delta, e.reason]).sort()).toEqual([
      ['ING-TEFF', -1500, 'production'],
      ['ING-WATER', -1050, 'production'],
      ['ING-YEAST', -30, 'production'],
      ['TEFF-LOAF', 6, 'production'],
    ]);
    expect(new Set(entries.map((e) => `${e.at} ${e.why}`))).toEqual(
      new Set([`${entries[0]!.at} batch ${batch.id}`]),
    );

    // Completing it again (a double click) changes nothing.
    await completeBatch(t.deps, shopId, batch.id, 'u1');
    expect(await stockOf(t, 'TEFF-LOAF')).toBe(9);
    expect((await ledger(t)).length).toBe(before + 4);
  });

  it('lets only one of two concurrent batches take the last flour', async () => {
    await bakery(t, { flour: 700, yeast: 100, water: 5000 });
    const a = await planBatch(t.deps, shopId, { sku: 'TEFF-LOAF', batches: 1, who: 'u1' });
    const b = await planBatch(t.deps, shopId, { sku: 'TEFF-LOAF', batches: 1, who: 'u2' });
    const results = await Promise.all([
      completeBatch(t.deps, shopId, a.id, 'u1'),
      completeBatch(t.deps, shopId, b.id, 'u2'),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(await stockOf(t, 'ING-TEFF')).toBe(200);
    expect(await stockOf(t, 'TEFF-LOAF')).toBe(5);
  });

  it('refuses a batch short of ingredients, lists what is missing, and writes nothing', async () => {
    await bakery(t, { flour: 1200, yeast: 5, water: 5000 });
    const app = adminAppFor(t.deps, shopId, registerProductionAdminRoutes);
    const before = await ledger(t);

    const response = await app.request('/api/admin/production/batches', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ sku: 'TEFF-LOAF', batches: 3, complete: true }),
    });
    expect(response.status).toBe(409);
    const { error } = await response.json();
    expect(error.code).toBe('missing_ingredients');
    expect(error.details.missing).toEqual([
      {
        sku: 'ING-TEFF',
        name: 'Harina de teff',
        unit: 'g',
        needed: 1500,
        available: 1200,
        short: 300,
      },
      { sku: 'ING-YEAST', name: 'Levadura', unit: 'g', needed: 30, available: 5, short: 25 },
    ]);
    expect(error.message).toContain('Harina de teff (ING-TEFF): 300 g short');
    expect(await ledger(t)).toEqual(before);
    expect([await stockOf(t, 'ING-TEFF'), await stockOf(t, 'TEFF-LOAF')]).toEqual([1200, 3]);
    const listed = await (await app.request('/api/admin/production/batches')).json();
    expect(listed.batches).toEqual([]);
  });

  it('says what can be made now and which ingredient limits it', async () => {
    await bakery(t, { flour: 2600, yeast: 100, water: 1000 });
    const app = adminAppFor(t.deps, shopId, registerProductionAdminRoutes);
    const body = await (await app.request('/api/admin/production/can-make')).json();
    expect(body.canMake).toEqual([
      { sku: 'TEFF-LOAF', batches: 2, units: 4, limitedBy: 'ING-WATER' },
    ]);
  });

  it('refuses to turn a catalog SKU into an ingredient, or to give an ingredient a recipe', async () => {
    await bakery(t, { flour: 1, yeast: 1, water: 1 });
    const app = adminAppFor(t.deps, shopId, registerProductionAdminRoutes);
    const response = await app.request('/api/admin/production/ingredients', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ sku: 'TEFF-LOAF', name: 'x', unit: 'g' }),
    });
    expect(response.status).toBe(409);
    const recipe = await app.request('/api/admin/production/recipes/ING-YEAST', {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ yield: 1, ingredients: [{ sku: 'ING-TEFF', quantity: 1 }] }),
    });
    expect(recipe.status).toBe(404);
  });
});
