import { AppError } from '../core/errors.ts';
import type { Transaction } from '../store/port.ts';
import { enqueueOrderEmail } from './order-events.ts';
import { loadOrderTx, orderPath } from './order-paths.ts';
import { transitionOrderTx } from './transition-order.ts';

export interface RefundRecord {
  shopId: string;
  orderId: string;
  /** Total refunded so far (absolute, as Stripe reports it), so repeats change nothing. */
  refundedTotal: number;
  who: string;
  now: Date;
}

/**
 * Records a refund on the order: a full refund moves it to `refunded`, a partial one keeps
 * its status and emails the shopper the amount. Reads before writes, like every tx helper.
 */
export async function recordRefundTx(tx: Transaction, rec: RefundRecord): Promise<boolean> {
  const order = await loadOrderTx(tx, rec.shopId, rec.orderId);
  if (rec.refundedTotal <= order.payment.refunded) return false;
  if (rec.refundedTotal > order.totals.total) {
    throw new AppError('validation_failed', {
      message: `A refund cannot exceed the order total (${order.totals.total} cents).`,
    });
  }

  if (rec.refundedTotal === order.totals.total) {
    await transitionOrderTx(tx, {
      shopId: rec.shopId,
      orderId: rec.orderId,
      to: 'refunded',
      who: rec.who,
      note: `refunded ${rec.refundedTotal} cents`,
      payment: { refunded: rec.refundedTotal, status: 'refunded' },
      now: rec.now,
    });
    return true;
  }

  tx.update(orderPath(rec.shopId, rec.orderId), {
    'payment.refunded': rec.refundedTotal,
    'payment.status': 'partially_refunded',
    updatedAt: rec.now.toISOString(),
  });
  enqueueOrderEmail(tx, order, 'refunded', rec.now, `refunded:${rec.refundedTotal}`);
  return true;
}
