import type { Order } from '../../shared/orders/order.ts';
import type { Deps } from '../deps.ts';
import { changeOrderStatus } from '../orders/change-order-status.ts';
import { orderPath } from '../orders/order-paths.ts';
import { createStripeProvider } from '../payments/stripe/stripe-provider.ts';

/**
 * Opens the Stripe Checkout page for a placed order and records the session on it. If Stripe
 * cannot be reached the order is cancelled at once, releasing its stock, and the error
 * propagates, so a failed redirect never holds stock for 30 minutes.
 */
export async function startStripeCheckout(
  deps: Deps,
  order: Order,
  shopName: string,
  link: string,
  expiresAt: Date,
): Promise<string> {
  try {
    const session = await createStripeProvider(deps).createCheckoutSession({
      order,
      shopName,
      successUrl: link,
      cancelUrl: link,
      expiresAt,
    });
    await deps.store.update(orderPath(order.shopId, order.id), {
      'payment.stripeSessionId': session.sessionId,
    });
    return session.url;
  } catch (error) {
    await changeOrderStatus(deps, {
      shopId: order.shopId,
      orderId: order.id,
      to: 'cancelled',
      who: 'checkout',
      note: 'card payment could not start',
      notify: false,
    });
    throw error;
  }
}
