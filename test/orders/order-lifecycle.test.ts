import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createAdminApi } from '../../functions/apps/admin-api.ts';
import { createStorefrontApi } from '../../functions/apps/storefront-api.ts';
import { outboxHandlers } from '../../functions/jobs/outbox-handlers.ts';
import { drainOutbox } from '../../functions/outbox/drain-outbox.ts';
import type { Order } from '../../shared/orders/order.ts';
import { canTransition, ORDER_STATUSES, TRANSITIONS } from '../../shared/orders/status.ts';
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

describe('order lifecycle, emails and invoice', () => {
  let smtp: Awaited<ReturnType<typeof startTestSmtp>>;
  let t: Awaited<ReturnType<typeof createTestDeps>>;
  let storefront: ReturnType<typeof createStorefrontApi>;
  let admin: ReturnType<typeof createAdminApi>;
  let headers: Record<string, string>;

  beforeAll(async () => {
    smtp = await startTestSmtp();
  });
  beforeEach(async () => {
    smtp.mails.length = 0;
    t = await createTestDeps({ smtpUrl: smtp.url });
    await seedShop(t.deps);
    storefront = createStorefrontApi(t.deps);
    admin = createAdminApi(t.deps);
    headers = await signIn(t.deps, SHOP);
  });
  afterEach(async () => {
    await t.close();
  });
  afterAll(async () => {
    await smtp.close();
  });

  const order = async (id: string) =>
    (await t.deps.store.get<Order>(`shops/${SHOP}/orders/${id}`)).data!;
  const status = (id: string, body: Record<string, unknown>) =>
    adminRequest(admin, headers, 'POST', `/api/admin/orders/${id}/status`, body);

  async function place(locale: 'es' | 'en', extra: Record<string, unknown> = {}) {
    const customer = { name: 'Ana García', email: `${locale}@example.com`, locale };
    const res = await postJson(
      storefront,
      `/api/shops/${SHOP}/checkout`,
      checkoutBody({ customer, ...extra }),
    );
    expect(res.status).toBe(201);
    return res.json() as Promise<{ orderId: string; statusUrl: string }>;
  }

  async function mailsFor(to: string) {
    await drainOutbox(t.deps, outboxHandlers);
    await new Promise((r) => setTimeout(r, 150));
    return smtp.mails.filter((m) => m.envelopeTo.includes(to)).map((m) => m.parsed);
  }

  it('refuses over HTTP every status change the state machine does not allow', async () => {
    const { orderId } = await place('es');
    const path = `shops/${SHOP}/orders/${orderId}`;
    let refused = 0;
    for (const from of ORDER_STATUSES) {
      await t.deps.store.update(path, { status: from });
      // Refunds have their own endpoint, and the same status again is a no-op (double clicks,
      // repeated webhooks): every other target not in the table must be refused.
      const illegal = ORDER_STATUSES.filter(
        (to) => to !== 'refunded' && to !== from && !canTransition(from, to),
      );
      for (const to of illegal) {
        const res = await status(orderId, { to, carrier: 'Correos' });
        const body = (await res.json()) as { error?: { code: string } };
        expect([res.status, body.error?.code], `${from} → ${to}`).toEqual([
          409,
          'invalid_transition',
        ]);
        expect((await order(orderId)).status).toBe(from);
        refused += 1;
      }
    }
    // Counted by hand: 7 targets from `refunded` and 6 from each of the 7 other statuses make
    // 49 pairs; the table allows 12 of them (2 + 5 + 3 + 1 + 1), so 37 must be refused.
    expect(refused).toBe(37);
    expect(TRANSITIONS.cancelled).toEqual([]);

    await t.deps.store.update(path, { status: 'paid' });
    const again = await status(orderId, { to: 'paid' });
    expect(again.status).toBe(200);
    expect((await order(orderId)).status).toBe('paid');
  });

  it('walks a Spanish bank-transfer pickup order from placed to completed, with its emails', async () => {
    const { orderId } = await place('es', {
      lines: [
        { sku: 'TIDE-A3', quantity: 1 },
        { sku: 'TEFF-500', quantity: 2 },
      ],
    });
    const [placedMail] = await mailsFor('es@example.com');
    expect(placedMail!.text).toContain(
      'Si no recibimos la transferencia antes del 8 de diciembre de 2026, el pedido se cancelará.',
    );

    const skip = await status(orderId, { to: 'ready_for_pickup' });
    expect(skip.status).toBe(409);
    expect((await skip.json()).error.code).toBe('invalid_transition');

    const paid = await adminRequest(
      admin,
      headers,
      'POST',
      `/api/admin/orders/${orderId}/mark-paid`,
    );
    expect(paid.status).toBe(200);
    expect((await order(orderId)).lines[0]!.editionNumbers).toEqual([1]);
    expect(await readStock(t.deps, 'TIDE-A3')).toMatchObject({
      available: 9,
      reserved: 0,
      sold: 1,
    });
    expect((await status(orderId, { to: 'in_production' })).status).toBe(200);
    expect((await status(orderId, { to: 'ready_for_pickup' })).status).toBe(200);
    expect((await status(orderId, { to: 'completed' })).status).toBe(200);
    expect((await order(orderId)).history.map((h) => h.status)).toEqual([
      'pending_payment',
      'paid',
      'in_production',
      'ready_for_pickup',
      'completed',
    ]);

    const mails = await mailsFor('es@example.com');
    expect(mails.map((m) => m.subject).sort()).toEqual([
      'Pago recibido · pedido BF-1001 · Bakery Flor',
      'Pedido BF-1001 recibido · Bakery Flor',
      'Tu pedido BF-1001 está listo para recoger · Bakery Flor',
    ]);
    const bySubject = (start: string) => mails.find((m) => m.subject?.startsWith(start))!;
    const confirmation = bySubject('Pedido');
    expect(confirmation.text).toContain('ES91 2100 0418 4502 0005 1332');
    expect(confirmation.text).toContain('IVA 21%');
    expect(confirmation.text).toContain('IVA 4%');
    expect(String(confirmation.html)).toContain('Ver el estado del pedido');
    expect(bySubject('Pago').text).toContain('Edición nº 1');
    const merchant = await mailsFor('hola@bakery-flor.example');
    expect(merchant.map((m) => m.subject)).toEqual(['Nuevo pedido BF-1001 · Bakery Flor']);
  });

  it('emails an English shopper when shipped with carrier and tracking link, then refunded', async () => {
    const address = { line1: '1 High St', city: 'Porto', postalCode: '4000', country: 'PT' };
    const { orderId } = await place('en', {
      fulfilment: { method: 'shipping', methodId: 'post', address },
    });
    await adminRequest(admin, headers, 'POST', `/api/admin/orders/${orderId}/mark-paid`);

    const noCarrier = await status(orderId, { to: 'shipped' });
    expect(noCarrier.status).toBe(400);
    const shipped = await status(orderId, {
      to: 'shipped',
      carrier: 'Correos Express',
      trackingUrl: 'https://track.example/ABC123',
    });
    expect(shipped.status).toBe(200);
    const refund = await adminRequest(
      admin,
      headers,
      'POST',
      `/api/admin/orders/${orderId}/refund`,
      {},
    );
    expect(await refund.json()).toMatchObject({ status: 'refunded', refunded: 1290 });

    const mails = await mailsFor('en@example.com');
    expect(mails.map((m) => m.subject).sort()).toEqual([
      'Order BF-1001 received · Bakery Flor',
      'Payment received · order BF-1001 · Bakery Flor',
      'Refund for order BF-1001 · Bakery Flor',
      'Your order BF-1001 is on its way · Bakery Flor',
    ]);
    const shippedMail = mails.find((m) => m.subject?.startsWith('Your order'))!;
    expect(shippedMail.text).toContain('Carrier: Correos Express');
    expect(String(shippedMail.html)).toContain('href="https://track.example/ABC123"');
    expect(mails.find((m) => m.subject?.startsWith('Refund'))!.text).toContain('Refunded: €12.90');
  });

  it('treats a pay-on-pickup order as firm: production and Odoo events when placed, once', async () => {
    const { orderId } = await place('es', { payment: 'pay_on_pickup' });
    const types = async () =>
      (await t.deps.store.query({ collection: 'outbox' }))
        .map((e) => `${e.data!.type}:${(e.data!.payload as { kind?: string }).kind ?? ''}`)
        .sort();
    expect(await types()).toEqual([
      'odoo.push_order:',
      'order.email:confirmation',
      'order.email:merchant_order',
      'production.create_tasks:',
    ]);
    expect((await order(orderId)).holdExpiresAt).toBeNull();

    const paid = await adminRequest(
      admin,
      headers,
      'POST',
      `/api/admin/orders/${orderId}/mark-paid`,
    );
    expect(paid.status).toBe(200);
    expect(await types()).toEqual([
      'odoo.push_order:',
      'order.email:confirmation',
      'order.email:merchant_order',
      'order.email:payment_received',
      'production.create_tasks:',
    ]);
  });

  it('cancels an order in both languages, releasing its reservation', async () => {
    const es = await place('es', { lines: [{ sku: 'CAKE-L', quantity: 2 }] });
    const en = await place('en', { lines: [{ sku: 'CAKE-L', quantity: 1 }] });
    expect((await status(es.orderId, { to: 'cancelled' })).status).toBe(200);
    await adminRequest(admin, headers, 'POST', `/api/admin/orders/${en.orderId}/mark-paid`);
    expect((await status(en.orderId, { to: 'cancelled' })).status).toBe(200);
    expect(await readStock(t.deps, 'CAKE-L')).toMatchObject({ available: 5, reserved: 0, sold: 1 });
    expect(await ledgerSum(t.deps, 'CAKE-L')).toBe(5);

    const subjects = async (to: string) => (await mailsFor(to)).map((m) => m.subject);
    expect(await subjects('es@example.com')).toContain('Pedido BF-1001 cancelado · Bakery Flor');
    expect(await subjects('en@example.com')).toContain('Order BF-1002 cancelled · Bakery Flor');
  });

  it('prints a simplified invoice with totals per VAT rate, for the merchant and by secret link', async () => {
    const address = { line1: 'Rúa Nova 3', city: 'Vigo', postalCode: '36201', country: 'ES' };
    const placed = await place('es', {
      lines: [
        { sku: 'TEFF-500', quantity: 3 },
        { sku: 'CAKE-L', quantity: 1 },
      ],
      fulfilment: { method: 'shipping', methodId: 'courier', address },
    });
    const token = new URL(placed.statusUrl).searchParams.get('token')!;
    const early = await storefront.request(
      `/api/shops/${SHOP}/orders/${placed.orderId}/invoice?token=${token}`,
    );
    expect(early.status).toBe(409);
    await adminRequest(admin, headers, 'POST', `/api/admin/orders/${placed.orderId}/mark-paid`);

    const byMerchant = await adminRequest(
      admin,
      headers,
      'GET',
      `/api/admin/orders/${placed.orderId}/invoice?locale=en`,
    );
    const html = await byMerchant.text();
    expect(html).toContain('Simplified invoice');
    expect(html).toContain('B12345678');
    expect(html).toMatch(
      /<td>21%<\/td><td class="n">€4\.09<\/td><td class="n">€0\.86<\/td><td class="n">€4\.95<\/td>/,
    );
    expect(html).toMatch(
      /<td>10%<\/td><td class="n">€22\.73<\/td><td class="n">€2\.27<\/td><td class="n">€25\.00<\/td>/,
    );
    expect(html).toMatch(
      /<td>4%<\/td><td class="n">€12\.98<\/td><td class="n">€0\.52<\/td><td class="n">€13\.50<\/td>/,
    );

    const byLink = await storefront.request(
      `/api/shops/${SHOP}/orders/${placed.orderId}/invoice?token=${token}`,
    );
    expect(byLink.status).toBe(200);
    expect(await byLink.text()).toContain('Factura simplificada');
    const wrong = await storefront.request(
      `/api/shops/${SHOP}/orders/${placed.orderId}?token=${'x'.repeat(32)}`,
    );
    expect(wrong.status).toBe(404);
  });

  it('scopes admin order routes to the member shop', async () => {
    const { orderId } = await place('es');
    const other = await signIn(t.deps, 'other-shop');
    const res = await adminRequest(admin, other, 'GET', `/api/admin/orders/${orderId}`);
    expect(res.status).toBe(404);
    const list = await adminRequest(
      admin,
      headers,
      'GET',
      '/api/admin/orders?status=pending_payment',
    );
    expect((await list.json()).orders).toHaveLength(1);
  });
});
