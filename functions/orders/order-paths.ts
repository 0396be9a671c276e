import { Order } from '../../shared/orders/order.ts';
import { AppError } from '../core/errors.ts';
import type { Store, Transaction } from '../store/port.ts';

export const orderPath = (shopId: string, orderId: string) => `shops/${shopId}/orders/${orderId}`;
export const ordersCollection = (shopId: string) => `shops/${shopId}/orders`;
export const orderCounterPath = (shopId: string) => `shops/${shopId}/counters/orders`;

/** Drops `undefined` fields: documents are JSON and the store refuses `undefined`. */
export function toDoc<T>(value: T): Record<string, unknown> {
  return JSON.parse(JSON.stringify(value)) as Record<string, unknown>;
}

function notFound(orderId: string): AppError {
  return new AppError('not_found', {
    message: `There is no order ${orderId}.`,
    hint: 'Check the link in your confirmation email.',
  });
}

export async function loadOrder(store: Store, shopId: string, orderId: string): Promise<Order> {
  const snap = await store.get(orderPath(shopId, orderId));
  if (!snap.exists) throw notFound(orderId);
  return Order.parse(snap.data);
}

export async function loadOrderTx(
  tx: Transaction,
  shopId: string,
  orderId: string,
): Promise<Order> {
  const snap = await tx.get(orderPath(shopId, orderId));
  if (!snap.exists) throw notFound(orderId);
  return Order.parse(snap.data);
}
