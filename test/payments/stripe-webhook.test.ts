import Stripe from 'stripe';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createAdminApi } from '../../functions/apps/admin-api.ts';
import { createStorefrontApi } from '../../functions/apps/storefront-api.ts';
import { createWebhooksApp } from '../../functions/apps/webhooks.ts';
import { outboxHandlers } from '../../functions/jobs/outbox-handlers.ts';
import { drainOutbox } from '../../functions/outbox/drain-outbox.ts';
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
import { adminRequest, signIn } from '../support/admin-session.ts';
import { createTestDeps } from '../support/deps.ts';
import { startTestSmtp } from '../support/smtp.ts';
import { type StripeStandin, startStripeStandin } from '../support/stripe-standin/server.ts';

const SECRET = 'whsec_test_konta';
const WEBHOOK = `/api/webhooks/stripe/${SHOP}`;

describe('Stripe Checkout through the stand-in', () => {
  let smtp: Awaited<ReturnType<typeof startTestSmtp>>;
  let standin: StripeStandin;
  let t: Awaited<ReturnType<typeof createTestDeps>>;
  let storefront: ReturnType<typeof createStorefrontApi>;
  let webhooks: ReturnType<typeof createWebhooksApp>;

  beforeAll(async () => {
    smtp = await startTestSmtp();
    standin = await startStripeStandin({
      webhookSecret: SECRET,
      now: () => Math.floor(t.clock.now().getTime() / 1000),
      deliver: async (shopId, payload, signature) => {
        const res = await webhooks.request(`/api/webhooks/stripe/${shopId}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'stripe-signature': signature },
          body: payload,
        });
        return res.status;
      },
    });
  });
  beforeEach(async () => {
    smtp.mails.length = 0;
    t = await createTestDeps({
      smtpUrl: smtp.url,
      env: {
        STRIPE_SECRET_KEY: 'sk_test_konta',
        STRIPE_WEBHOOK_SECRET: SECRET,
        STRIPE_API_URL: standin.url,
      },
    });
    await seedShop(t.deps);
    storefront = createStorefrontApi(t.deps);
    webhooks = createWebhooksApp(t.deps);
  });
  afterEach(async () => {
    await t.close();
  });
  afterAll(async () => {
    await standin.close();
    await smtp.close();
  });

  async function payByCard(lines = [{ sku: 'TEFF-500', quantity: 2 }]) {
    const res = await postJson(
      storefront,
      `/api/shops/${SHOP}/checkout`,
      checkoutBody({ payment: 'stripe', lines }),
    );
    expect(res.status).toBe(201);
    const placed = await res.json();
    const sessionId = new URL(placed.redirectUrl).pathname.split('/').at(-1)!;
    return { ...placed, sessionId };
  }
  const order = async (id: string) =>
    (await t.deps.store.get<Order>(`shops/${SHOP}/orders/${id}`)).data!;
  const outbox = async () =>
    (await t.deps.store.query<OutboxEvent>({ collection: 'outbox' })).map((e) => e.data!);
  const paymentEvents = () => t.deps.store.query({ collection: `shops/${SHOP}/payment_events` });

  it('opens a session with VAT-inclusive prices, expiry and order metadata', async () => {
    const placed = await payByCard();
    expect(placed.redirectUrl).toBe(`${standin.url}/pay/${placed.sessionId}`);
    const session = standin.sessions.get(placed.sessionId)!;
    expect(session.line_items).toEqual([
      expect.objectContaining({ quantity: 2, unit_amount: 450, tax_behavior: 'inclusive' }),
    ]);
    expect(session.metadata).toMatchObject({
      shopId: SHOP,
      orderId: placed.orderId,
      orderNumber: 'BF-1001',
    });
    expect(session.expires_at).toBe(Date.parse('2026-12-01T10:30:00Z') / 1000);
    expect((await order(placed.orderId)).payment.stripeSessionId).toBe(placed.sessionId);
    expect((await outbox()).filter((e) => e.type === 'order.email')).toHaveLength(0);
  });

  it('marks the order paid once, and emails once, when one event arrives five times', async () => {
    const placed = await payByCard();
    const session = standin.sessions.get(placed.sessionId)!;
    session.status = 'complete';
    session.payment_status = 'paid';
    session.payment_intent = 'pi_test_once';
    const event = standin.event('checkout.session.completed', session);

    const statuses = [];
    for (let i = 0; i < 5; i++) statuses.push(await standin.send(SHOP, event));
    expect(statuses).toEqual([200, 200, 200, 200, 200]);

    const paid = await order(placed.orderId);
    expect(paid.status).toBe('paid');
    expect(paid.history.filter((h) => h.status === 'paid')).toHaveLength(1);
    expect(paid.payment).toMatchObject({ status: 'paid', stripePaymentIntentId: 'pi_test_once' });
    expect(await readStock(t.deps, 'TEFF-500')).toMatchObject({
      available: 48,
      reserved: 0,
      sold: 2,
    });
    expect(await ledgerSum(t.deps, 'TEFF-500')).toBe(48);
    expect(await paymentEvents()).toHaveLength(1);

    const types = (await outbox()).map((e) => `${e.type}:${e.payload.kind ?? ''}`).sort();
    expect(types).toEqual([
      'odoo.push_order:',
      'order.email:merchant_order',
      'order.email:payment_received',
      'production.create_tasks:',
    ]);
    await drainOutbox(t.deps, outboxHandlers);
    const mails = await smtp.waitFor(2);
    await new Promise((r) => setTimeout(r, 200));
    expect(smtp.mails).toHaveLength(2);
    const customer = mails.find((m) => m.envelopeTo.includes('ana@example.com'))!;
    expect(customer.parsed.subject).toBe('Pago recibido · pedido BF-1001 · Bakery Flor');
    const merchant = mails.find((m) => m.envelopeTo.includes('hola@bakery-flor.example'))!;
    expect(merchant.parsed.subject).toBe('Nuevo pedido BF-1001 · Bakery Flor');
    expect(merchant.parsed.text).toContain('ana@example.com');
  });

  it('waits for a delayed payment method, then marks paid or cancels on the async result', async () => {
    const ok = await payByCard([{ sku: 'CAKE-L', quantity: 1 }]);
    const failed = await payByCard([{ sku: 'CAKE-L', quantity: 2 }]);
    for (const placed of [ok, failed]) {
      const session = standin.sessions.get(placed.sessionId)!;
      session.status = 'complete';
      session.payment_intent = `pi_test_${placed.orderId}`;
      expect(await standin.send(SHOP, standin.event('checkout.session.completed', session))).toBe(
        200,
      );
      expect((await order(placed.orderId)).status).toBe('pending_payment');
    }

    const paidSession = { ...standin.sessions.get(ok.sessionId)!, payment_status: 'paid' };
    await standin.send(
      SHOP,
      standin.event('checkout.session.async_payment_succeeded', paidSession),
    );
    const failedSession = standin.sessions.get(failed.sessionId)!;
    await standin.send(SHOP, standin.event('checkout.session.async_payment_failed', failedSession));

    expect((await order(ok.orderId)).status).toBe('paid');
    const cancelled = await order(failed.orderId);
    expect(cancelled.status).toBe('cancelled');
    expect(cancelled.payment.status).toBe('failed');
    expect(await readStock(t.deps, 'CAKE-L')).toMatchObject({ available: 4, reserved: 0, sold: 1 });
  });

  it('acknowledges events it does not handle or that carry no order, and records them', async () => {
    const foreign = {
      id: 'cs_test_foreign',
      object: 'checkout.session',
      payment_status: 'paid',
      metadata: {},
    };
    expect(await standin.send(SHOP, standin.event('checkout.session.completed', foreign))).toBe(
      200,
    );
    expect(await standin.send(SHOP, standin.event('customer.created', { id: 'cus_1' }))).toBe(200);
    const outcomes = (await paymentEvents()).map((e) => e.data!.outcome);
    expect(outcomes).toEqual(['ignored', 'ignored']);
  });

  it('refuses a tampered signature with 400 and changes nothing', async () => {
    const placed = await payByCard();
    const session = { ...standin.sessions.get(placed.sessionId)!, payment_status: 'paid' };
    const payload = JSON.stringify(standin.event('checkout.session.completed', session));
    const signature = new Stripe('sk_test_x').webhooks.generateTestHeaderString({
      payload,
      secret: SECRET,
      timestamp: Math.floor(t.clock.now().getTime() / 1000),
    });
    const tampered = payload.replace('"paid"', '"paid" ');
    const before = await order(placed.orderId);

    for (const [body, header] of [
      [tampered, signature],
      [payload, signature.replace(/v1=[0-9a-f]{4}/, 'v1=0000')],
      [payload, ''],
    ] as const) {
      const res = await webhooks.request(WEBHOOK, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(header ? { 'stripe-signature': header } : {}),
        },
        body,
      });
      expect(res.status).toBe(400);
      expect((await res.json()).error.code).toBe('invalid_signature');
    }
    expect(await order(placed.orderId)).toEqual(before);
    expect(await paymentEvents()).toHaveLength(0);
  });

  it('refuses an event signed more than 300 seconds ago', async () => {
    const placed = await payByCard();
    const session = { ...standin.sessions.get(placed.sessionId)!, payment_status: 'paid' };
    const now = Math.floor(t.clock.now().getTime() / 1000);
    const event = standin.event('checkout.session.completed', session);

    expect(await standin.send(SHOP, event, now - 301)).toBe(400);
    expect((await order(placed.orderId)).status).toBe('pending_payment');
    expect(await standin.send(SHOP, event, now - 200)).toBe(200);
    expect((await order(placed.orderId)).status).toBe('paid');
  });

  it('releases the stock when the session expires', async () => {
    const placed = await payByCard([{ sku: 'CAKE-L', quantity: 3 }]);
    expect(await readStock(t.deps, 'CAKE-L')).toMatchObject({ available: 2, reserved: 3 });

    expect(await standin.expire(placed.sessionId)).toBe(200);

    const cancelled = await order(placed.orderId);
    expect(cancelled.status).toBe('cancelled');
    expect(cancelled.reservation.status).toBe('released');
    expect(await readStock(t.deps, 'CAKE-L')).toMatchObject({ available: 5, reserved: 0, sold: 0 });
    expect(await ledgerSum(t.deps, 'CAKE-L')).toBe(5);
    const late = await standin.complete(placed.sessionId);
    expect(late).toBe(200);
    expect((await order(placed.orderId)).status).toBe('cancelled');
  });

  it('closes the Stripe page when the merchant cancels an unpaid card order', async () => {
    const placed = await payByCard([{ sku: 'CAKE-L', quantity: 1 }]);
    const admin = createAdminApi(t.deps);
    const headers = await signIn(t.deps, SHOP);
    const res = await adminRequest(
      admin,
      headers,
      'POST',
      `/api/admin/orders/${placed.orderId}/status`,
      {
        to: 'cancelled',
      },
    );
    expect(res.status).toBe(200);
    expect(standin.sessions.get(placed.sessionId)!.status).toBe('expired');
    expect(await readStock(t.deps, 'CAKE-L')).toMatchObject({ available: 5, reserved: 0 });
  });

  it('numbers limited editions in order of payment', async () => {
    const first = await payByCard([{ sku: 'TIDE-A3', quantity: 2 }]);
    const second = await payByCard([{ sku: 'TIDE-A3', quantity: 1 }]);
    await standin.complete(second.sessionId);
    await standin.complete(first.sessionId);
    expect((await order(second.orderId)).lines[0]!.editionNumbers).toEqual([1]);
    expect((await order(first.orderId)).lines[0]!.editionNumbers).toEqual([2, 3]);
  });

  it('refunds partly and then fully through the admin API, once per click', async () => {
    const placed = await payByCard();
    await standin.complete(placed.sessionId);
    const admin = createAdminApi(t.deps);
    const headers = await signIn(t.deps, SHOP);
    const path = `/api/admin/orders/${placed.orderId}/refund`;

    const partial = await adminRequest(admin, headers, 'POST', path, { amount: 300 });
    expect(partial.status).toBe(200);
    expect(await partial.json()).toEqual({ refunded: 300, status: 'paid' });
    expect(standin.sessions.get(placed.sessionId)!.amount_refunded).toBe(300);
    expect((await order(placed.orderId)).payment.status).toBe('partially_refunded');

    const rest = await adminRequest(admin, headers, 'POST', path, {});
    expect(await rest.json()).toEqual({ refunded: 900, status: 'refunded' });
    expect(standin.sessions.get(placed.sessionId)!.amount_refunded).toBe(900);
    const again = await adminRequest(admin, headers, 'POST', path, {});
    expect(again.status).toBe(409);
    expect(
      standin.sent.filter((e) => e.type === 'charge.refunded').every((e) => e.status === 200),
    ).toBe(true);
  });

  it('cancels the order and frees the stock when Stripe cannot be reached', async () => {
    await t.close();
    t = await createTestDeps({
      env: {
        STRIPE_SECRET_KEY: 'sk_test_konta',
        STRIPE_WEBHOOK_SECRET: SECRET,
        STRIPE_API_URL: 'http://127.0.0.1:9',
      },
    });
    await seedShop(t.deps);
    const app = createStorefrontApi(t.deps);
    const res = await postJson(
      app,
      `/api/shops/${SHOP}/checkout`,
      checkoutBody({ payment: 'stripe' }),
    );
    expect(res.status).toBe(503);
    expect((await res.json()).error.code).toBe('upstream_unavailable');
    expect(await readStock(t.deps, 'TEFF-500')).toMatchObject({ available: 50, reserved: 0 });
  });
});
