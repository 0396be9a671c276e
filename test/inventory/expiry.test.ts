import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createJobsApp } from '../../functions/apps/jobs.ts';
import { createStorefrontApi } from '../../functions/apps/storefront-api.ts';
import { STRIPE_GRACE_MS } from '../../functions/checkout/place-order.ts';
import { adjustStock } from '../../functions/inventory/adjust-stock.ts';
import { sweepReservations } from '../../functions/inventory/sweep-reservations.ts';
import { changeOrderStatus } from '../../functions/orders/change-order-status.ts';
import type { OutboxEvent } from '../../functions/outbox/event.ts';
import type { Order } from '../../shared/orders/order.ts';
import {
  checkoutBody,
  ledgerSum,
  postJson,
  readStock,
  SHOP,
  seedShop,
} from '../checkout/fixtures.ts';
import { createTestDeps } from '../support/deps.ts';
import { startStripeStandin } from '../support/stripe-standin/server.ts';

const MINUTE = 60_000;
const DAY = 86_400_000;

describe('reservations expire and release stock', () => {
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

  const order = async (id: string) =>
    (await t.deps.store.get<Order>(`shops/${SHOP}/orders/${id}`)).data!;

  async function place(body: Record<string, unknown>) {
    const res = await postJson(app, `/api/shops/${SHOP}/checkout`, checkoutBody(body));
    expect(res.status).toBe(201);
    return (await res.json()).orderId as string;
  }

  it('cancels an unpaid bank transfer after the configured days and releases its stock', async () => {
    const orderId = await place({ lines: [{ sku: 'CAKE-L', quantity: 4 }] });
    expect(await readStock(t.deps, 'CAKE-L')).toMatchObject({ available: 1, reserved: 4 });

    t.clock.advance(7 * DAY - MINUTE);
    expect(await sweepReservations(t.deps)).toEqual({ cancelled: 0, skipped: 0 });
    expect((await order(orderId)).status).toBe('pending_payment');

    t.clock.advance(2 * MINUTE);
    const jobs = createJobsApp(t.deps);
    const res = await jobs.request('/jobs/reservations/sweep', { method: 'POST' });
    expect(await res.json()).toEqual({ cancelled: 1, skipped: 0 });

    const cancelled = await order(orderId);
    expect(cancelled.status).toBe('cancelled');
    expect(cancelled.history.at(-1)).toMatchObject({
      who: 'sweeper',
      note: 'bank transfer not received in time',
    });
    expect(await readStock(t.deps, 'CAKE-L')).toMatchObject({ available: 5, reserved: 0, sold: 0 });
    expect(await ledgerSum(t.deps, 'CAKE-L')).toBe(5);
    const emails = await t.deps.store.query<OutboxEvent>({
      collection: 'outbox',
      where: [{ field: 'type', op: '==', value: 'order.email' }],
    });
    expect(emails.map((e) => e.data!.payload.kind).sort()).toEqual(['cancelled', 'confirmation']);
    expect(await sweepReservations(t.deps)).toEqual({ cancelled: 0, skipped: 0 });
  });

  it('keeps a paid order when the sweeper runs after the payment', async () => {
    const orderId = await place({ lines: [{ sku: 'CAKE-L', quantity: 1 }] });
    await changeOrderStatus(t.deps, { shopId: SHOP, orderId, to: 'paid', who: 'merchant' });
    t.clock.advance(30 * DAY);
    expect(await sweepReservations(t.deps)).toEqual({ cancelled: 0, skipped: 0 });
    expect((await order(orderId)).status).toBe('paid');
    expect(await readStock(t.deps, 'CAKE-L')).toMatchObject({ available: 4, reserved: 0, sold: 1 });
  });

  it('releases an abandoned card reservation after 30 minutes plus the webhook grace', async () => {
    const standin = await startStripeStandin({
      webhookSecret: 'whsec_x',
      now: () => Math.floor(t.clock.now().getTime() / 1000),
    });
    try {
      await t.close();
      t = await createTestDeps({
        env: {
          STRIPE_SECRET_KEY: 'sk_test_konta',
          STRIPE_WEBHOOK_SECRET: 'whsec_x',
          STRIPE_API_URL: standin.url,
        },
      });
      await seedShop(t.deps);
      app = createStorefrontApi(t.deps);
      const orderId = await place({ payment: 'stripe' });
      expect(await readStock(t.deps, 'TEFF-500')).toMatchObject({ available: 48, reserved: 2 });

      t.clock.advance(30 * MINUTE + STRIPE_GRACE_MS - 1000);
      expect((await sweepReservations(t.deps)).cancelled).toBe(0);
      t.clock.advance(2000);
      expect((await sweepReservations(t.deps)).cancelled).toBe(1);

      expect((await order(orderId)).status).toBe('cancelled');
      expect(await readStock(t.deps, 'TEFF-500')).toMatchObject({ available: 50, reserved: 0 });
      expect(await ledgerSum(t.deps, 'TEFF-500')).toBe(50);
      // An abandoned card page is not an order the shopper was told about: no email.
      expect(await t.deps.store.query({ collection: 'outbox' })).toHaveLength(0);
    } finally {
      await standin.close();
    }
  });

  it('lets production and recounts change stock through the ledger', async () => {
    await t.deps.store.runTransaction((tx) =>
      adjustStock(
        tx,
        [
          {
            shopId: SHOP,
            sku: 'TEFF-500',
            delta: 12,
            reason: 'production',
            who: 'odoo-sync',
            why: 'MO/0042 done',
          },
          {
            shopId: SHOP,
            sku: 'CAKE-L',
            delta: -2,
            reason: 'adjustment',
            who: 'u1',
            why: 'dropped two',
          },
          {
            shopId: SHOP,
            sku: 'NEW-1',
            productId: 'teff-loaf',
            delta: 3,
            reason: 'production',
            who: 'u1',
            why: 'new SKU',
          },
        ],
        t.clock.now(),
      ),
    );
    expect(await readStock(t.deps, 'TEFF-500')).toMatchObject({ available: 62 });
    expect(await readStock(t.deps, 'CAKE-L')).toMatchObject({ available: 3 });
    expect(await readStock(t.deps, 'NEW-1')).toMatchObject({
      available: 3,
      productId: 'teff-loaf',
    });
    for (const sku of ['TEFF-500', 'CAKE-L', 'NEW-1']) {
      expect(await ledgerSum(t.deps, sku)).toBe((await readStock(t.deps, sku)).available);
    }
  });
});
