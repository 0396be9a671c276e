import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ODOO_EVENTS } from '../../functions/odoo/paths.ts';
import { enqueueOdooEvent } from '../../functions/odoo/schedule-pulls.ts';
import { openOdooSession } from '../../functions/odoo/settings/open-odoo-session.ts';
import { pushOrder } from '../../functions/odoo/sync/push-order.ts';
import { type Standin, startStandin } from '../support/odoo-standin/start-standin.ts';
import { seedPaidOrder, seedProduct } from './fixtures.ts';
import { drain, odooShop } from './harness.ts';

type TestDeps = Awaited<ReturnType<typeof odooShop>>;
let shopSeq = 0;
const nextShop = () => `shop-sync-${++shopSeq}`;

async function ledger(t: TestDeps, shopId: string) {
  const snaps = await t.deps.store.query({ collection: `shops/${shopId}/ledger` });
  return snaps.map((s) => s.data as { sku: string; delta: number; reason: string; who: string });
}

async function seedCatalog(t: TestDeps, shopId: string) {
  await seedProduct(t.deps, shopId, {
    id: 'teff-loaf',
    title: 'Pan de teff',
    variants: [
      { sku: 'TEFF-S', price: 450, label: 'Pequeño', stock: 10 },
      { sku: 'TEFF-L', price: 780, label: 'Grande', stock: 4 },
    ],
  });
  await seedProduct(t.deps, shopId, {
    id: 'brownie',
    title: 'Brownie de nueces',
    variants: [{ sku: 'BROWNIE', price: 300, stock: 20 }],
  });
}

/** A shop connected to the stand-in whose catalog has been pushed once. */
async function pushedShop(
  odoo: Standin,
  shopId: string,
  settings?: Parameters<typeof odooShop>[2],
) {
  const t = await odooShop(odoo, shopId, settings);
  await seedCatalog(t, shopId);
  await enqueueOdooEvent(t.deps, shopId, ODOO_EVENTS.pushProducts);
  await drain(t.deps);
  return t;
}

describe.each([16, 18, 19] as const)('product and order push to Odoo %i', (odooVersion) => {
  let odoo: Standin;
  let t: TestDeps;
  beforeAll(async () => {
    odoo = await startStandin({ odooVersion });
  });
  afterAll(() => odoo.stop());
  afterEach(() => t.close());

  it('creates one storable product per SKU, and a second push creates nothing', async () => {
    const shopId = nextShop();
    t = await odooShop(odoo, shopId);
    await seedCatalog(t, shopId);

    await enqueueOdooEvent(t.deps, shopId, ODOO_EVENTS.pushProducts);
    expect(await drain(t.deps)).toMatchObject({ done: 1, dead: 0 });
    t.clock.advance(1000);
    await enqueueOdooEvent(t.deps, shopId, ODOO_EVENTS.pushProducts);
    expect(await drain(t.deps)).toMatchObject({ done: 1, dead: 0 });

    const storableField = odooVersion >= 18 ? 'is_storable' : 'detailed_type';
    const products = await odoo.records<Record<string, unknown>>(
      'product.product',
      [['default_code', 'in', ['TEFF-S', 'TEFF-L', 'BROWNIE']]],
      ['default_code', 'name', 'lst_price', storableField],
    );
    const storable = odooVersion >= 18 ? true : 'product';
    expect(products.map((p) => [p.default_code, p.name, p.lst_price, p[storableField]])).toEqual([
      ['BROWNIE', 'Brownie de nueces', 3, storable],
      ['TEFF-S', 'Pan de teff (Pequeño)', 4.5, storable],
      ['TEFF-L', 'Pan de teff (Grande)', 7.8, storable],
    ]);
    const log = await t.deps.store.query({ collection: `shops/${shopId}/odooSync/log/entries` });
    const summaries = log.map((l) => l.data?.summary as { created: string[]; unchanged: number });
    expect(summaries.map((s) => [s.created.length, s.unchanged])).toEqual([
      [3, 0],
      [0, 3],
    ]);
  });

  it('writes a changed price and name to the same Odoo product', async () => {
    const shopId = nextShop();
    t = await pushedShop(odoo, shopId);

    await seedProduct(t.deps, shopId, {
      id: 'brownie',
      title: 'Brownie de nueces pecanas',
      variants: [{ sku: 'BROWNIE', price: 350, stock: 20 }],
    });
    t.clock.advance(1000);
    await enqueueOdooEvent(t.deps, shopId, ODOO_EVENTS.pushProducts);
    expect(await drain(t.deps)).toMatchObject({ done: 1, dead: 0 });

    const brownies = await odoo.records<{ name: string; lst_price: number }>(
      'product.product',
      [['default_code', '=', 'BROWNIE']],
      ['name', 'lst_price'],
    );
    expect(brownies.map((b) => [b.name, b.lst_price])).toEqual([
      ['Brownie de nueces pecanas', 3.5],
    ]);
    const log = await t.deps.store.query({ collection: `shops/${shopId}/odooSync/log/entries` });
    const summaries = log.map((l) => l.data?.summary as { updated?: string[] } | undefined);
    const updated = summaries.flatMap((summary) => summary?.updated ?? []);
    expect(updated).toEqual(['BROWNIE']);
  });
  it('pushes an order with the unit field of this version', async () => {
    const shopId = nextShop();
    t = await pushedShop(odoo, shopId);
    await seedPaidOrder(t.deps, shopId, {
      id: 'o1',
      number: `V${odooVersion}-1`,
      lines: [
        { sku: 'BROWNIE', productId: 'brownie', title: 'Brownie', quantity: 4, unitPrice: 300 },
      ],
    });
    expect(await drain(t.deps)).toMatchObject({ dead: 0 });
    const uom = odooVersion >= 19 ? 'product_uom_id' : 'product_uom';
    const [order] = await odoo.records<{ id: number; state: string }>(
      'sale.order',
      [['client_order_ref', '=', `V${odooVersion}-1`]],
      ['state'],
    );
    expect(order?.state).toBe('sale');
    const lines = await odoo.records<Record<string, unknown>>(
      'sale.order.line',
      [['order_id', '=', order!.id]],
      ['product_uom_qty', uom],
    );
    expect(lines).toEqual([{ id: expect.any(Number), product_uom_qty: 4, [uom]: [1, 'Units'] }]);
  });
});

describe('order, stock and manufacturing sync with Odoo 17', () => {
  let odoo: Standin;
  let t: TestDeps;
  beforeEach(async () => {
    odoo = await startStandin({ odooVersion: 17 });
  });
  afterEach(async () => {
    await t.close();
    await odoo.stop();
  });

  it('pushes paid orders as confirmed sale orders, finding the partner by email', async () => {
    const shopId = nextShop();
    t = await pushedShop(odoo, shopId);

    const line = { productId: 'teff-loaf', title: 'Pan de teff' };
    await seedPaidOrder(t.deps, shopId, {
      id: 'o1',
      number: 'SYNC-1001',
      email: 'Lucia@Example.com',
      lines: [
        { ...line, sku: 'TEFF-S', quantity: 2, unitPrice: 450 },
        { ...line, sku: 'TEFF-L', quantity: 1, unitPrice: 780 },
      ],
    });
    await seedPaidOrder(t.deps, shopId, {
      id: 'o2',
      number: 'SYNC-1002',
      email: 'lucia@example.com',
      lines: [
        { sku: 'BROWNIE', productId: 'brownie', title: 'Brownie', quantity: 3, unitPrice: 300 },
      ],
    });
    expect(await drain(t.deps)).toMatchObject({ dead: 0 });

    const orders = await odoo.records<Record<string, unknown>>(
      'sale.order',
      [['client_order_ref', 'in', ['SYNC-1001', 'SYNC-1002']]],
      ['client_order_ref', 'state', 'partner_id', 'amount_total'],
    );
    expect(orders.map((o) => [o.client_order_ref, o.state, o.amount_total])).toEqual([
      ['SYNC-1001', 'sale', 16.8],
      ['SYNC-1002', 'sale', 9],
    ]);
    const partners = await odoo.records('res.partner', [['email', '=ilike', 'lucia@example.com']]);
    expect(partners).toHaveLength(1);

    // Pushing the same order again finds it by client_order_ref and creates nothing.
    const session = await openOdooSession(t.deps, shopId);
    const again = await pushOrder(t.deps, shopId, 'o1', session!.session);
    expect(again).toMatchObject({ number: 'SYNC-1001', created: false, odooId: orders[0]!.id });
    expect(await odoo.records('sale.order', [['client_order_ref', '=', 'SYNC-1001']])).toHaveLength(
      1,
    );

    // `_` is a wildcard in Odoo's =ilike: another customer's address must not match.
    await odoo.hook('create', {
      model: 'res.partner',
      vals: { name: 'X', email: 'anaxb@example.com' },
    });
    await seedPaidOrder(t.deps, shopId, {
      id: 'o3',
      number: 'SYNC-1003',
      email: 'ana_b@example.com',
      lines: [
        { sku: 'BROWNIE', productId: 'brownie', title: 'Brownie', quantity: 1, unitPrice: 300 },
      ],
    });
    await drain(t.deps);
    const [third] = await odoo.records<{ partner_id: [number, string] }>(
      'sale.order',
      [['client_order_ref', '=', 'SYNC-1003']],
      ['partner_id'],
    );
    const [ana] = await odoo.records<{ email: string }>(
      'res.partner',
      [['id', '=', third!.partner_id[0]]],
      ['email'],
    );
    expect(ana?.email).toBe('ana_b@example.com');
    expect((orders[0]!.partner_id as [number])[0]).toBe((orders[1]!.partner_id as [number])[0]);
    const lines = await odoo.records<Record<string, unknown>>(
      'sale.order.line',
      [['order_id', '=', orders[0]!.id]],
      ['product_uom_qty', 'price_unit', 'product_uom'],
    );
    expect(
      lines.map((l) => [l.product_uom_qty, l.price_unit, (l.product_uom as unknown[])[0]]),
    ).toEqual([
      [2, 4.5, 1],
      [1, 7.8, 1],
    ]);
  });

  it('never creates a second sale order when Odoo committed but the answer was lost', async () => {
    const shopId = nextShop();
    t = await pushedShop(odoo, shopId);

    await seedPaidOrder(t.deps, shopId, {
      id: 'o1',
      number: 'LOST-1',
      lines: [
        { sku: 'BROWNIE', productId: 'brownie', title: 'Brownie', quantity: 1, unitPrice: 300 },
      ],
    });
    // Odoo commits the sale.order create and then the confirm, but both answers are lost.
    await odoo.hook('drop_responses', { model: 'sale.order', method: 'create', count: 1 });
    await odoo.hook('drop_responses', { model: 'sale.order', method: 'action_confirm', count: 1 });
    for (let run = 0; run < 2; run++) {
      expect(await drain(t.deps)).toMatchObject({ retried: 1, dead: 0 });
      t.clock.advance(3_600_000);
    }
    expect(await drain(t.deps)).toMatchObject({ done: 1, dead: 0 });
    const calls = await odoo.hook<[string, string][]>('calls');
    const creates = calls.filter(([m, fn]) => m === 'sale.order' && fn === 'create');
    expect(creates).toHaveLength(1);
    const orders = await odoo.records(
      'sale.order',
      [['client_order_ref', '=', 'LOST-1']],
      ['state'],
    );
    expect(orders).toEqual([expect.objectContaining({ state: 'sale' })]);
  });

  it('pulls stock when Odoo owns it: one ledger entry per difference, none on a second run', async () => {
    const shopId = nextShop();
    t = await odooShop(odoo, shopId, { stockMaster: 'odoo', stockField: 'free_qty' });
    await seedCatalog(t, shopId);
    await seedProduct(t.deps, shopId, {
      id: 'flour-mix',
      title: 'Mezcla de harinas',
      variants: Array.from({ length: 45 }, (_, i) => ({
        sku: `MIX-${i}`,
        price: 500,
        label: `${i} kg`,
      })),
    });
    await enqueueOdooEvent(t.deps, shopId, ODOO_EVENTS.pushProducts);
    await drain(t.deps);
    await seedProduct(t.deps, shopId, {
      id: 'local-only',
      title: 'Solo en Kontá',
      variants: [{ sku: 'LOCAL-ONLY', price: 100, stock: 5 }],
    });
    await odoo.hook('set_stock', { sku: 'TEFF-S', qty: 25 });
    await odoo.hook('set_stock', { sku: 'TEFF-L', qty: 4 });
    await odoo.hook('set_stock', { sku: 'BROWNIE', qty: 7.6 });

    t.clock.advance(1000);
    await enqueueOdooEvent(t.deps, shopId, ODOO_EVENTS.pull);
    expect(await drain(t.deps)).toMatchObject({ done: 1, dead: 0 });

    const stock = async (sku: string) =>
      (await t.deps.store.get(`shops/${shopId}/stock/${sku}`)).data?.available;
    expect([await stock('TEFF-S'), await stock('TEFF-L'), await stock('BROWNIE')]).toEqual([
      25, 4, 7,
    ]);
    expect(await stock('LOCAL-ONLY')).toBe(5);
    const first = await ledger(t, shopId);
    expect(first.map((e) => [e.sku, e.delta, e.reason, e.who]).sort()).toEqual([
      ['BROWNIE', -13, 'adjustment', 'odoo-sync'],
      ['TEFF-S', 15, 'adjustment', 'odoo-sync'],
    ]);

    // The next pull finds nothing changed: it reads a handful of documents, not 49 stock
    // documents, and writes no ledger entry and no log line.
    t.deps.store.meter.reset();
    t.clock.advance(1000);
    await enqueueOdooEvent(t.deps, shopId, ODOO_EVENTS.pull);
    await drain(t.deps);
    expect(t.deps.store.meter.snapshot()[shopId]?.reads).toBeLessThanOrEqual(4);
    expect(await ledger(t, shopId)).toHaveLength(2);
    const log = await t.deps.store.query({ collection: `shops/${shopId}/odooSync/log/entries` });
    expect(log.filter((l) => l.data?.kind === 'pull_stock')).toHaveLength(1);

    // Odoo changes one SKU: only that one is read and adjusted.
    await odoo.hook('set_stock', { sku: 'MIX-7', qty: 12 });
    t.clock.advance(1000);
    await enqueueOdooEvent(t.deps, shopId, ODOO_EVENTS.pull);
    await drain(t.deps);
    expect(await stock('MIX-7')).toBe(12);
    expect(await ledger(t, shopId)).toHaveLength(3);
  });

  it('keeps paid orders that Odoo has not received out of the pulled stock', async () => {
    const shopId = nextShop();
    t = await pushedShop(odoo, shopId, { stockMaster: 'odoo' });
    await odoo.hook('set_stock', { sku: 'BROWNIE', qty: 20 });
    await seedPaidOrder(t.deps, shopId, {
      id: 'o1',
      number: 'HOLD-1',
      lines: [
        { sku: 'BROWNIE', productId: 'brownie', title: 'Brownie', quantity: 3, unitPrice: 300 },
      ],
    });

    const { pullStock } = await import('../../functions/odoo/sync/pull-stock.ts');
    const session = await openOdooSession(t.deps, shopId);
    await pullStock(t.deps, shopId, session!.session, { stockField: 'free_qty' });
    expect((await t.deps.store.get(`shops/${shopId}/stock/BROWNIE`)).data?.available).toBe(17);

    await drain(t.deps);
    await pullStock(t.deps, shopId, session!.session, { stockField: 'free_qty' });
    expect((await t.deps.store.get(`shops/${shopId}/stock/BROWNIE`)).data?.available).toBe(17);
  });

  it('marks order items ready when Odoo finishes their manufacturing orders, once', async () => {
    const shopId = nextShop();
    t = await odooShop(odoo, shopId);
    await seedProduct(t.deps, shopId, {
      id: 'cake',
      title: 'Tarta de cumpleaños',
      variants: [{ sku: 'CAKE-BDAY', price: 3200 }],
      backorder: 'made_to_order',
    });
    await enqueueOdooEvent(t.deps, shopId, ODOO_EVENTS.pushProducts);
    await drain(t.deps);
    const [cake] = await odoo.records<{ product_tmpl_id: [number] }>(
      'product.product',
      [['default_code', '=', 'CAKE-BDAY']],
      ['product_tmpl_id'],
    );
    await odoo.hook('create', {
      model: 'mrp.bom',
      vals: { product_tmpl_id: cake!.product_tmpl_id[0], product_qty: 1 },
    });

    await seedPaidOrder(t.deps, shopId, {
      id: 'o1',
      number: 'MO-1',
      lines: [
        { sku: 'CAKE-BDAY', productId: 'cake', title: 'Tarta', quantity: 1, unitPrice: 3200 },
      ],
    });
    await drain(t.deps);
    const order = async () => (await t.deps.store.get(`shops/${shopId}/orders/o1`)).data?.status;
    expect(await order()).toBe('in_production');
    const [mo] = await odoo.records<{ id: number; state: string; origin: string }>(
      'mrp.production',
      [['origin', '!=', false]],
      ['state', 'origin'],
    );
    expect(mo?.state).toBe('confirmed');

    t.clock.advance(1000);
    await enqueueOdooEvent(t.deps, shopId, ODOO_EVENTS.pull);
    await drain(t.deps);
    expect(await order()).toBe('in_production');

    await odoo.hook('finish_production', { ids: [mo!.id] });
    t.clock.advance(1000);
    await enqueueOdooEvent(t.deps, shopId, ODOO_EVENTS.pull);
    await drain(t.deps);
    expect(await order()).toBe('ready_for_pickup');
    const task = await t.deps.store.get(`shops/${shopId}/productionTasks/o1:CAKE-BDAY`);
    expect(task.data).toMatchObject({ status: 'done', doneBy: 'odoo-sync' });

    t.clock.advance(1000);
    await enqueueOdooEvent(t.deps, shopId, ODOO_EVENTS.pull);
    await drain(t.deps);
    const readyEmails = await t.deps.store.query({
      collection: 'outbox',
      where: [{ field: 'type', op: '==', value: 'order.email' }],
    });
    const kinds = readyEmails
      .filter((e) => e.data?.shopId === shopId)
      .map((e) => (e.data!.payload as { kind: string }).kind);
    expect(kinds.filter((k) => k === 'ready_for_pickup')).toHaveLength(1);
  });
});
