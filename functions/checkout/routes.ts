import type { Context, Hono } from 'hono';
import { z } from 'zod';
import { Slug } from '../../shared/catalog/product.ts';
import { publicOrderView } from '../../shared/orders/public-view.ts';
import { AppError } from '../core/errors.ts';
import type { Deps } from '../deps.ts';
import { readJson, readQuery } from '../http/body.ts';
import type { AppEnv } from '../http/types.ts';
import { loadShop } from '../orders/load-shop.ts';
import { loadOrder } from '../orders/order-paths.ts';
import { renderInvoice } from '../orders/render-invoice.ts';
import { CheckoutBody } from './checkout-body.ts';
import { placeOrder } from './place-order.ts';
import { tokenMatches } from './status-link.ts';

const StatusQuery = z.object({ token: z.string().min(16).max(100) });
const OrderId = z.string().regex(/^o[a-z0-9]{8,40}$/);

function shopIdOf(raw: string): string {
  const parsed = Slug.safeParse(raw);
  if (!parsed.success) throw new AppError('not_found', { message: `There is no shop ${raw}.` });
  return parsed.data;
}

/** Public checkout and the order status page's data, under /api/shops/{shopId}. */
export function registerCheckoutRoutes(app: Hono<AppEnv>, deps: Deps): void {
  app.post('/api/shops/:shopId/checkout', async (c) => {
    const shopId = shopIdOf(c.req.param('shopId'));
    const body = await readJson(c, CheckoutBody, 32 * 1024);
    const placed = await placeOrder(deps, shopId, body);
    return c.json(placed, 201);
  });

  /** The order behind a secret link; any mismatch is the same 404, so ids cannot be probed. */
  async function orderByLink(c: Context<AppEnv>) {
    const shopId = shopIdOf(c.req.param('shopId') ?? '');
    const { token } = readQuery(c, StatusQuery);
    const notFound = new AppError('not_found', {
      message: 'There is no order at this link.',
      hint: 'Open the link from your confirmation email.',
    });
    const orderId = OrderId.safeParse(c.req.param('orderId'));
    if (!orderId.success) throw notFound;
    const order = await loadOrder(deps.store, shopId, orderId.data).catch(() => undefined);
    if (!order || !tokenMatches(token, order.statusToken)) throw notFound;
    return { order, profile: (await loadShop(deps.store, shopId)).profile };
  }

  app.get('/api/shops/:shopId/orders/:orderId/invoice', async (c) => {
    const { order, profile } = await orderByLink(c);
    if (!order.paidAt) {
      throw new AppError('conflict', { message: 'The invoice is issued once the order is paid.' });
    }
    c.header('Cache-Control', 'no-store');
    c.header('Referrer-Policy', 'no-referrer');
    return c.html(renderInvoice(order, profile, order.customer.locale));
  });

  app.get('/api/shops/:shopId/orders/:orderId', async (c) => {
    const { order, profile } = await orderByLink(c);

    const bank = profile.settings.payments.bankTransfer;
    c.header('Cache-Control', 'no-store');
    c.header('Referrer-Policy', 'no-referrer');
    return c.json({
      ...publicOrderView(order),
      shop: { name: profile.name, contactEmail: profile.contactEmail },
      ...(order.payment.method === 'bank_transfer' && bank
        ? {
            bankTransfer: {
              iban: bank.iban,
              accountHolder: bank.accountHolder,
              reference: order.number,
            },
          }
        : {}),
    });
  });
}
