import type { Hono } from 'hono';
import { z } from 'zod';
import { Locale } from '../../shared/i18n/locale.ts';
import { OrderStatus } from '../../shared/orders/order.ts';
import { AppError } from '../core/errors.ts';
import type { Deps } from '../deps.ts';
import { readJson, readQuery } from '../http/body.ts';
import type { AppEnv } from '../http/types.ts';
import { changeOrderStatus } from './change-order-status.ts';
import { loadShop } from './load-shop.ts';
import { loadOrder, orderPath, ordersCollection } from './order-paths.ts';
import { refundOrder } from './refund-order.ts';
import { renderInvoice } from './render-invoice.ts';

const ListQuery = z.object({
  status: OrderStatus.optional(),
  after: z.string().max(64).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});
const StatusBody = z.strictObject({
  to: OrderStatus,
  note: z.string().max(500).optional(),
  carrier: z.string().min(1).max(80).optional(),
  trackingUrl: z
    .url({ protocol: /^https?$/ })
    .max(500)
    .optional(),
});
const RefundBody = z.strictObject({ amount: z.number().int().positive().optional() });
const InvoiceQuery = z.object({ locale: Locale.optional() });

/**
 * Order administration under /api/admin/orders. The shop is always the signed-in member's
 * (`c.get('member').shopId`), never a value from the request.
 */
export function registerOrderAdminRoutes(app: Hono<AppEnv>, deps: Deps): void {
  app.get('/api/admin/orders', async (c) => {
    const { shopId } = c.get('member');
    const q = readQuery(c, ListQuery);
    const cursor = q.after ? await deps.store.get(orderPath(shopId, q.after)) : undefined;
    const snaps = await deps.store.query({
      collection: ordersCollection(shopId),
      where: q.status ? [{ field: 'status', op: '==', value: q.status }] : [],
      orderBy: [{ field: 'createdAt', direction: 'desc' }],
      limit: q.limit,
      ...(cursor?.exists ? { startAfter: cursor } : {}),
    });
    const orders = snaps.map((s) => s.data!);
    return c.json({ orders, next: snaps.length === q.limit ? snaps.at(-1)!.id : null });
  });

  app.get('/api/admin/orders/:orderId', async (c) => {
    const { shopId } = c.get('member');
    return c.json(await loadOrder(deps.store, shopId, c.req.param('orderId')));
  });

  app.post('/api/admin/orders/:orderId/status', async (c) => {
    const member = c.get('member');
    const body = await readJson(c, StatusBody);
    if (body.to === 'shipped' && !body.carrier) {
      throw new AppError('validation_failed', { message: 'Give the carrier for a shipped order.' });
    }
    if (body.to === 'refunded') {
      throw new AppError('validation_failed', { message: 'Use the refund endpoint to refund.' });
    }
    const { order } = await changeOrderStatus(deps, {
      shopId: member.shopId,
      orderId: c.req.param('orderId'),
      to: body.to,
      who: member.userId,
      ...(body.note ? { note: body.note } : {}),
      ...(body.carrier ? { carrier: body.carrier } : {}),
      ...(body.trackingUrl ? { trackingUrl: body.trackingUrl } : {}),
      ...(body.to === 'paid' ? { payment: { status: 'paid' as const } } : {}),
    });
    return c.json(order);
  });

  app.post('/api/admin/orders/:orderId/mark-paid', async (c) => {
    const member = c.get('member');
    const current = await loadOrder(deps.store, member.shopId, c.req.param('orderId'));
    if (current.payment.method === 'stripe') {
      throw new AppError('conflict', {
        message: 'Card payments are confirmed by Stripe, not by hand.',
      });
    }
    const { order } = await changeOrderStatus(deps, {
      shopId: member.shopId,
      orderId: current.id,
      to: 'paid',
      who: member.userId,
      note: `marked paid (${current.payment.method})`,
    });
    return c.json(order);
  });

  app.post('/api/admin/orders/:orderId/refund', async (c) => {
    const member = c.get('member');
    const body = await readJson(c, RefundBody);
    return c.json(
      await refundOrder(deps, member.shopId, c.req.param('orderId'), member.userId, body.amount),
    );
  });

  app.get('/api/admin/orders/:orderId/invoice', async (c) => {
    const { shopId } = c.get('member');
    const { locale } = readQuery(c, InvoiceQuery);
    const order = await loadOrder(deps.store, shopId, c.req.param('orderId'));
    const { profile } = await loadShop(deps.store, shopId);
    return c.html(renderInvoice(order, profile, locale ?? profile.defaultLocale));
  });
}
