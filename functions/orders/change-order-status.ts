import type { Deps } from '../deps.ts';
import { closeCheckoutSession } from '../payments/stripe/close-checkout-session.ts';
import {
  type TransitionRequest,
  type TransitionResult,
  transitionOrderTx,
} from './transition-order.ts';

/** One status change in its own transaction, logged by order id. */
export async function changeOrderStatus(
  deps: Deps,
  req: Omit<TransitionRequest, 'now'>,
): Promise<TransitionResult> {
  const result = await deps.store.runTransaction((tx) =>
    transitionOrderTx(tx, { ...req, now: deps.clock.now() }),
  );
  // Stripe's own events already describe a closed page; anyone else's cancel must close it.
  if (result.changed && req.to === 'cancelled' && req.who !== 'stripe') {
    await closeCheckoutSession(deps, result.order);
  }
  if (result.changed) {
    deps.log.info(
      { shopId: req.shopId, orderId: req.orderId, status: req.to, who: req.who },
      'order status changed',
    );
  }
  return result;
}
