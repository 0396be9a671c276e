import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createStorefrontApi } from '../../functions/apps/storefront-api.ts';
import type { OutboxEvent } from '../../functions/outbox/event.ts';
import type { Order } from '../../shared/orders/order.ts';
import { createTestDeps } from '../support/deps.ts';
import { checkoutBody, ledgerSum, postJson, readStock, SHOP, seedShop } from './fixtures.ts';

const CHECKOUT = `/api/shops/${SHOP}/checkout`;

describe('checkout over HTTP', () => {
  let t: Awaited<ReturnType<typeof createTestDeps>>;
  let app: ReturnType<typeof createStorefrontApi>;

  beforeEach(async () => {
    t = await createTestDeps();
    await seedShop(t.deps);
    app = createStorefrontApi(t.deps);
  });
  afterEach(async () => {
    await t.close();
  });

  async function writesBeyondSeed() {
    const orders = await t.deps.store.query({ collection: `shops/${SHOP}/orders` });
    const ledger = await t.deps.store.query({ collection: `shops/${SHOP}/ledger` });
    const outbox = await t.deps.store.query({ collection: 'outbox' });
    return { orders: orders.length, ledger: ledger.length, outbox: outbox.length };
  }

  it('places a pickup order paid by bank transfer, reserving stock and pricing on the server', async () => {
    const res = await postJson(app, CHECKOUT, checkoutBody({ newsletter: true }));
    expect(res.status).toBe(201);
    const placed = await res.json();
    expect(placed.orderNumber).toBe('BF-1001');
    expect(placed.redirectUrl).toBeUndefined();
    expect(placed.statusUrl).toContain(`/s/${SHOP}/order?id=${placed.orderId}&token=`);

    const stock = await readStock(t.deps, 'TEFF-500');
    expect(stock).toMatchObject({ available: 48, reserved: 2, sold: 0 });
    expect(await ledgerSum(t.deps, 'TEFF-500')).toBe(48);

    const order = (await t.deps.store.get<Order>(`shops/${SHOP}/orders/${placed.orderId}`)).data!;
    expect(order.totals).toEqual({
      subtotal: 900,
      shipping: 0,
      total: 900,
      byRate: [{ rate: 4, net: 865, vat: 35, total: 900 }],
    });
    expect(order.payment).toMatchObject({
      method: 'bank_transfer',
      status: 'pending',
      reference: 'BF-1001',
    });
    expect(order.holdExpiresAt).toBe('2026-12-08T10:00:00.000Z');

    const events = (await t.deps.store.query<OutboxEvent>({ collection: 'outbox' })).map(
      (e) => e.data!,
    );
    expect(events.map((e) => e.type).sort()).toEqual(['newsletter.checkout_optin', 'order.email']);
    const optin = events.find((e) => e.type === 'newsletter.checkout_optin')!;
    expect(optin.payload).toEqual({
      email: 'ana@example.com',
      locale: 'es',
      orderId: placed.orderId,
    });

    const view = await app.request(
      `/api/shops/${SHOP}/orders/${placed.orderId}?token=${new URL(placed.statusUrl).searchParams.get('token')}`,
    );
    expect(view.status).toBe(200);
    const body = await view.json();
    expect(body).toMatchObject({ number: 'BF-1001', status: 'pending_payment' });
    expect(body.bankTransfer.iban).toBe('ES91 2100 0418 4502 0005 1332');
    expect(JSON.stringify(body)).not.toContain('statusToken');
  });

  it('numbers orders per shop in sequence', async () => {
    const first = await (await postJson(app, CHECKOUT, checkoutBody())).json();
    const second = await (await postJson(app, CHECKOUT, checkoutBody())).json();
    expect([first.orderNumber, second.orderNumber]).toEqual(['BF-1001', 'BF-1002']);
  });

  it('prices shipping by method: flat, free above the threshold, weight bands', async () => {
    const address = { line1: 'Rúa Nova 3', city: 'Vigo', postalCode: '36201', country: 'ES' };
    const flat = await postJson(
      app,
      CHECKOUT,
      checkoutBody({
        fulfilment: { method: 'shipping', methodId: 'courier', address },
      }),
    );
    const free = await postJson(
      app,
      CHECKOUT,
      checkoutBody({
        lines: [{ sku: 'CAKE-L', quantity: 2 }],
        fulfilment: { method: 'shipping', methodId: 'courier', address },
      }),
    );
    const bands = await postJson(
      app,
      CHECKOUT,
      checkoutBody({
        lines: [{ sku: 'TEFF-500', quantity: 4 }],
        fulfilment: { method: 'shipping', methodId: 'post', address },
      }),
    );
    const totals = async (res: Response) => {
      const { orderId } = await res.json();
      return (await t.deps.store.get<Order>(`shops/${SHOP}/orders/${orderId}`)).data!.totals;
    };
    expect(await totals(flat)).toMatchObject({ subtotal: 900, shipping: 495, total: 1395 });
    expect(await totals(free)).toMatchObject({ subtotal: 5000, shipping: 0, total: 5000 });
    const weighed = await totals(bands);
    expect(weighed).toMatchObject({ subtotal: 1800, shipping: 690, total: 2490 });
    expect(weighed.byRate).toEqual([
      { rate: 21, net: 570, vat: 120, total: 690 },
      { rate: 4, net: 1731, vat: 69, total: 1800 },
    ]);
  });

  it('sets the earliest pickup date from a made-to-order lead time', async () => {
    const soon = await postJson(
      app,
      CHECKOUT,
      checkoutBody({ lines: [{ sku: 'PET-30', quantity: 1 }] }),
    );
    expect(soon.status).toBe(422);
    const error = (await soon.json()).error;
    expect(error.code).toBe('fulfilment_unavailable');
    expect(error.details).toMatchObject({ problem: 'too_early', earliest: '2026-12-11' });

    const later = await postJson(
      app,
      CHECKOUT,
      checkoutBody({
        lines: [{ sku: 'PET-30', quantity: 1 }],
        fulfilment: {
          method: 'pickup',
          methodId: 'shop-pickup',
          pickupDate: '2026-12-11',
          pickupSlot: 'evening',
        },
      }),
    );
    expect(later.status).toBe(201);
    expect(await readStock(t.deps, 'PET-30')).toMatchObject({ available: -1, reserved: 1 });
  });

  it('refuses a Sunday pickup, an unknown slot, and pay on pickup with shipping', async () => {
    const sunday = await postJson(
      app,
      CHECKOUT,
      checkoutBody({
        fulfilment: {
          method: 'pickup',
          methodId: 'shop-pickup',
          pickupDate: '2026-12-06',
          pickupSlot: 'morning',
        },
      }),
    );
    const slot = await postJson(
      app,
      CHECKOUT,
      checkoutBody({
        fulfilment: {
          method: 'pickup',
          methodId: 'shop-pickup',
          pickupDate: '2026-12-02',
          pickupSlot: 'night',
        },
      }),
    );
    const payOnPickup = await postJson(
      app,
      CHECKOUT,
      checkoutBody({
        payment: 'pay_on_pickup',
        fulfilment: {
          method: 'shipping',
          methodId: 'courier',
          address: { line1: 'x', city: 'y', postalCode: '1', country: 'ES' },
        },
      }),
    );
    expect((await sunday.json()).error.details.problem).toBe('closed_day');
    expect((await slot.json()).error.details.problem).toBe('unknown_slot');
    expect((await payOnPickup.json()).error.code).toBe('payment_method_unavailable');
    expect(await writesBeyondSeed()).toMatchObject({ orders: 0, outbox: 0 });
  });

  it('refuses more than the available stock with out_of_stock and writes nothing', async () => {
    const before = await writesBeyondSeed();
    const res = await postJson(
      app,
      CHECKOUT,
      checkoutBody({ lines: [{ sku: 'CAKE-L', quantity: 6 }] }),
    );
    expect(res.status).toBe(409);
    const error = (await res.json()).error;
    expect(error.code).toBe('out_of_stock');
    expect(error.details.lines).toEqual([{ sku: 'CAKE-L', requested: 6, available: 5 }]);
    expect(await writesBeyondSeed()).toEqual(before);
    expect(await readStock(t.deps, 'CAKE-L')).toMatchObject({ available: 5, reserved: 0 });
  });

  const BAD: [string, unknown, number, string][] = [
    ['unknown SKU', checkoutBody({ lines: [{ sku: 'NOPE-1', quantity: 1 }] }), 422, 'unknown_sku'],
    [
      'quantity 0',
      checkoutBody({ lines: [{ sku: 'TEFF-500', quantity: 0 }] }),
      400,
      'validation_failed',
    ],
    [
      'negative quantity',
      checkoutBody({ lines: [{ sku: 'TEFF-500', quantity: -3 }] }),
      400,
      'validation_failed',
    ],
    [
      'huge quantity',
      checkoutBody({ lines: [{ sku: 'TEFF-500', quantity: 1e9 }] }),
      400,
      'validation_failed',
    ],
    [
      'fractional quantity',
      checkoutBody({ lines: [{ sku: 'TEFF-500', quantity: 1.5 }] }),
      400,
      'validation_failed',
    ],
    [
      'inactive product',
      checkoutBody({ lines: [{ sku: 'CAL-2025', quantity: 1 }] }),
      409,
      'product_unavailable',
    ],
    [
      'tampered price',
      checkoutBody({ lines: [{ sku: 'TEFF-500', quantity: 1, price: 1 }] }),
      400,
      'validation_failed',
    ],
    ['tampered total', { ...checkoutBody(), total: 1 }, 400, 'validation_failed'],
    ['malformed JSON', '{"lines": [', 400, 'invalid_json'],
    ['not an object', '[]', 400, 'validation_failed'],
    ['no lines', checkoutBody({ lines: [] }), 400, 'validation_failed'],
    [
      'unknown method',
      checkoutBody({ fulfilment: { method: 'pickup', methodId: 'drone' } }),
      422,
      'fulfilment_unavailable',
    ],
  ];

  for (const [name, body, status, code] of BAD) {
    it(`refuses ${name} with ${status} ${code} and no reservation`, async () => {
      const res = await postJson(app, CHECKOUT, body);
      expect(res.status).toBe(status);
      expect((await res.json()).error.code).toBe(code);
      expect(await writesBeyondSeed()).toMatchObject({ orders: 0, outbox: 0 });
      expect(await readStock(t.deps, 'TEFF-500')).toMatchObject({ available: 50, reserved: 0 });
    });
  }

  it('answers any fuzzed body with a 4xx code or a real order, never a stray reservation', async () => {
    const seedLedger = (await writesBeyondSeed()).ledger;
    const line = fc.record(
      {
        sku: fc.oneof(
          fc.constantFrom('TEFF-500', 'CAKE-L', 'CAL-2025', 'NOPE'),
          fc.string({ maxLength: 70 }),
        ),
        quantity: fc.oneof(
          fc.integer({ min: -5, max: 120 }),
          fc.double(),
          fc.string(),
          fc.constant(null),
        ),
        price: fc.integer(),
      },
      { requiredKeys: [] },
    );
    const body = fc.record(
      {
        lines: fc.oneof(fc.array(line, { maxLength: 4 }), fc.string()),
        customer: fc.oneof(
          fc.constant({ name: 'Ana', email: 'ana@example.com', locale: 'es' }),
          fc.record({ name: fc.string(), email: fc.string(), locale: fc.string() }),
        ),
        fulfilment: fc.oneof(
          fc.constant({
            method: 'pickup',
            methodId: 'shop-pickup',
            pickupDate: '2026-12-02',
            pickupSlot: 'morning',
          }),
          fc.record({ method: fc.string(), methodId: fc.string() }),
        ),
        payment: fc.constantFrom('bank_transfer', 'pay_on_pickup', 'cash', 7),
        newsletter: fc.oneof(fc.boolean(), fc.string()),
        total: fc.integer(),
      },
      { requiredKeys: [] },
    );

    let placed = 0;
    await fc.assert(
      fc.asyncProperty(body, async (input) => {
        const res = await postJson(app, CHECKOUT, input);
        if (res.status === 201) {
          placed += 1;
          return;
        }
        expect(res.status).toBeGreaterThanOrEqual(400);
        expect(res.status).toBeLessThan(500);
        expect((await res.json()).error.code).toMatch(/^[a-z_]+$/);
      }),
      { numRuns: 300 },
    );

    const after = await writesBeyondSeed();
    expect(after.orders).toBe(placed);
    // Every reservation belongs to a placed order: one ledger entry per reserved line.
    const orders = await t.deps.store.query<Order>({ collection: `shops/${SHOP}/orders` });
    const lines = orders.reduce((n, o) => n + o.data!.lines.length, 0);
    expect(after.ledger - seedLedger).toBe(lines);
    for (const sku of ['TEFF-500', 'CAKE-L']) {
      const stock = await readStock(t.deps, sku);
      expect(stock.available).toBeGreaterThanOrEqual(0);
      expect(await ledgerSum(t.deps, sku)).toBe(stock.available);
    }
  });
});
