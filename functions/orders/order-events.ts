import type { Order } from '../../shared/orders/order.ts';
import { enqueue } from '../outbox/enqueue.ts';
import type { Transaction } from '../store/port.ts';

export const ORDER_EMAIL_KINDS = [
  'confirmation',
  'payment_received',
  'ready_for_pickup',
  'shipped',
  'cancelled',
  'refunded',
  'merchant_order',
] as const;
export type OrderEmailKind = (typeof ORDER_EMAIL_KINDS)[number];

/** Enqueues one order email; `key` makes a repeated cause (a partial refund) its own email. */
export function enqueueOrderEmail(
  tx: Transaction,
  order: Order,
  kind: OrderEmailKind,
  now: Date,
  key: string = kind,
): void {
  enqueue(
    tx,
    {
      type: 'order.email',
      shopId: order.shopId,
      key: `${order.id}:${key}`,
      payload: { orderId: order.id, kind },
    },
    now,
  );
}

/** The events of a firm order: Odoo gets it and production plans it (handlers live there). */
function enqueueFulfilment(tx: Transaction, order: Order, now: Date): void {
  const payload = { orderId: order.id };
  enqueue(tx, { type: 'odoo.push_order', shopId: order.shopId, key: order.id, payload }, now);
  enqueue(
    tx,
    { type: 'production.create_tasks', shopId: order.shopId, key: order.id, payload },
    now,
  );
}

/** Card orders are confirmed by the payment-received email; the others when placed. */
export function emitOrderPlaced(tx: Transaction, order: Order, now: Date): void {
  if (order.payment.method !== 'stripe') enqueueOrderEmail(tx, order, 'confirmation', now);
  if (order.newsletter) {
    enqueue(
      tx,
      {
        type: 'newsletter.checkout_optin',
        shopId: order.shopId,
        key: order.id,
        payload: { email: order.customer.email, locale: order.customer.locale, orderId: order.id },
      },
      now,
    );
  }
  // Pay-on-pickup orders are firm when placed: the bakery must bake before it is paid.
  if (order.payment.method === 'pay_on_pickup') {
    enqueueOrderEmail(tx, order, 'merchant_order', now);
    enqueueFulfilment(tx, order, now);
  }
}

export function emitOrderPaid(tx: Transaction, order: Order, now: Date): void {
  enqueueOrderEmail(tx, order, 'payment_received', now);
  if (order.payment.method !== 'pay_on_pickup') {
    enqueueOrderEmail(tx, order, 'merchant_order', now);
    enqueueFulfilment(tx, order, now);
  }
}
