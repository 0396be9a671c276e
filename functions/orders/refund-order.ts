import { AppError } from '../core/errors.ts';
import type { Deps } from '../deps.ts';
import { createStripeProvider } from '../payments/stripe/stripe-provider.ts';
import { loadOrder } from './order-paths.ts';
import { recordRefundTx } from './record-refund.ts';

/**
 * Refunds `amount` cents (all that is left when absent). Card payments are refunded through
 * Stripe with an idempotency key derived from the new refunded total, so a double click
 * refunds once; manual payments are recorded (the merchant sends the money back).
 */
export async function refundOrder(
  deps: Deps,
  shopId: string,
  orderId: string,
  who: string,
  amount?: number,
): Promise<{ refunded: number; status: string }> {
  const order = await loadOrder(deps.store, shopId, orderId);
  const left = order.totals.total - order.payment.refunded;
  const value = amount ?? left;
  if (order.payment.status !== 'paid' && order.payment.status !== 'partially_refunded') {
    throw new AppError('invalid_transition', {
      message: `Order ${order.number} has no payment to refund.`,
    });
  }
  if (value <= 0 || value > left) {
    throw new AppError('validation_failed', {
      message: `Refund between 1 and ${left} cents.`,
      details: { left },
    });
  }
  const refundedTotal = order.payment.refunded + value;

  if (order.payment.method === 'stripe') {
    if (!order.payment.stripePaymentIntentId) {
      throw new AppError('conflict', {
        message: 'The card payment has no Stripe payment intent yet.',
      });
    }
    await createStripeProvider(deps).refund({
      paymentIntentId: order.payment.stripePaymentIntentId,
      amount: value,
      idempotencyKey: `refund:${shopId}:${orderId}:${refundedTotal}`,
    });
  }
  await deps.store.runTransaction((tx) =>
    recordRefundTx(tx, { shopId, orderId, refundedTotal, who, now: deps.clock.now() }),
  );
  deps.log.info({ shopId, orderId, amount: value }, 'order refunded');
  const after = await loadOrder(deps.store, shopId, orderId);
  return { refunded: after.payment.refunded, status: after.status };
}
