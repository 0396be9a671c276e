import { randomBytes } from 'node:crypto';
import { defaultOrderPrefix } from '../../shared/pricing/checkout-rules.ts';
import { missingForMinimum } from '../../shared/pricing/minimum-order.ts';
import { priceCart } from '../../shared/pricing/price-cart.ts';
import { AppError } from '../core/errors.ts';
import type { Deps } from '../deps.ts';
import { loadShop } from '../orders/load-shop.ts';
import type { CheckoutBody } from './checkout-body.ts';
import { submitOrderDraft } from './order-batcher.ts';
import { planFulfilment } from './plan-fulfilment.ts';
import { resolveCart } from './resolve-cart.ts';
import { startStripeCheckout } from './start-stripe-checkout.ts';
import { newStatusToken, statusUrl } from './status-link.ts';

export interface PlacedOrder {
  orderId: string;
  orderNumber: string;
  statusUrl: string;
  redirectUrl?: string;
}

const MINUTE = 60_000;
const DAY = 86_400_000;
export const STRIPE_GRACE_MS = 10 * MINUTE;

export function newOrderId(now: Date): string {
  return `o${now.getTime().toString(36)}${randomBytes(6).toString('hex')}`;
}

/**
 * Places an order: prices the cart from the catalog, checks delivery and payment options,
 * then commits it (see `commitOrderDrafts`): in one transaction the stock documents are
 * re-read and reserved, an order number taken, the order and its outbox events written.
 * A draft that does not fit the stock is refused there, so concurrent checkouts can never
 * oversell: they serialize on the store.
 */
export async function placeOrder(
  deps: Deps,
  shopId: string,
  body: CheckoutBody,
): Promise<PlacedOrder> {
  const now = deps.clock.now();
  const locale = body.customer.locale;
  const { profile, rules } = await loadShop(deps.store, shopId);
  const settings = profile.settings;
  if (!settings.payments.enabled.includes(body.payment)) {
    throw new AppError('payment_method_unavailable', {
      message: `This shop does not take ${body.payment}.`,
      details: { enabled: settings.payments.enabled },
    });
  }
  if (body.payment === 'pay_on_pickup' && body.fulfilment.method !== 'pickup') {
    throw new AppError('payment_method_unavailable', {
      message: 'Paying on pickup needs a pickup option.',
    });
  }

  const cart = await resolveCart(deps.store, shopId, body.lines, locale);
  const goods = priceCart(cart.items, 0);
  const missing = missingForMinimum(goods.totals.subtotal, rules.minimumOrder);
  if (missing > 0) {
    throw new AppError('below_minimum_order', {
      message: `Add ${missing} cents more to reach the minimum order.`,
      details: { minimumOrder: rules.minimumOrder, missing },
    });
  }
  const planned = planFulfilment(
    settings,
    body.fulfilment,
    { subtotal: goods.totals.subtotal, weightGrams: goods.weightGrams, leadTimes: cart.leadTimes },
    locale,
    now,
  );
  const priced = priceCart(cart.items, planned.shipping);

  const orderId = newOrderId(now);
  const token = newStatusToken();
  const holdMs =
    body.payment === 'stripe'
      ? rules.reservationMinutes * MINUTE
      : body.payment === 'bank_transfer'
        ? rules.bankTransferDays * DAY
        : undefined;
  const expiresAt = holdMs === undefined ? null : new Date(now.getTime() + holdMs).toISOString();
  // The sweeper waits a little past a card page's expiry: a payment made in its last second
  // reaches us by webhook and must find the order still pending.
  const grace = body.payment === 'stripe' ? STRIPE_GRACE_MS : 0;
  const holdUntil = expiresAt && new Date(Date.parse(expiresAt) + grace).toISOString();
  const prefix = rules.orderPrefix ?? defaultOrderPrefix(shopId);
  const moves = priced.lines.map((l) => ({
    kind: 'reserve' as const,
    sku: l.sku,
    quantity: l.quantity,
  }));

  const order = await submitOrderDraft(deps, shopId, {
    orderId,
    prefix,
    moves,
    mayGoNegative: cart.backorderable,
    build: (number, stock) => ({
      id: orderId,
      shopId,
      number,
      status: 'pending_payment',
      lines: priced.lines.map((l) => {
        const available = stock.get(l.sku)?.doc?.available ?? 0;
        const backordered = Math.max(0, l.quantity - Math.max(0, available));
        return backordered > 0 ? { ...l, backordered } : l;
      }),
      totals: priced.totals,
      currency: 'EUR',
      customer: {
        name: body.customer.name,
        email: body.customer.email,
        locale,
        ...(body.customer.phone ? { phone: body.customer.phone } : {}),
      },
      fulfilment: planned.fulfilment,
      payment: {
        method: body.payment,
        status: 'pending',
        refunded: 0,
        ...(body.payment === 'bank_transfer' ? { reference: number } : {}),
      },
      reservation: { status: 'held', expiresAt },
      holdExpiresAt: holdUntil,
      newsletter: body.newsletter,
      statusToken: token,
      history: [{ at: now.toISOString(), status: 'pending_payment', who: 'checkout' }],
      createdAt: now.toISOString(),
      updatedAt: now.toISOString(),
    }),
  });
  deps.log.info({ shopId, orderId, payment: body.payment }, 'order placed');

  const link = statusUrl(deps.config.publicBaseUrl, profile, orderId, token);
  const placed: PlacedOrder = { orderId, orderNumber: order.number, statusUrl: link };
  if (body.payment !== 'stripe') return placed;

  const redirectUrl = await startStripeCheckout(
    deps,
    order,
    profile.name,
    link,
    new Date(expiresAt!),
  );
  return { ...placed, redirectUrl };
}
