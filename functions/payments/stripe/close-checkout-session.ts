import type { Order } from '../../../shared/orders/order.ts';
import type { Deps } from '../../deps.ts';
import { createStripeProvider } from './stripe-provider.ts';

/**
 * After an unpaid card order is cancelled here (by the merchant or the sweeper), closes its
 * Stripe page so the shopper cannot pay for an order that no longer holds stock. Best effort:
 * a session Stripe already expired or completed refuses, which is fine; failures are logged.
 */
export async function closeCheckoutSession(deps: Deps, order: Order): Promise<void> {
  const sessionId = order.payment.stripeSessionId;
  if (order.payment.method !== 'stripe' || !sessionId || order.paidAt) return;
  try {
    await createStripeProvider(deps).expireCheckoutSession(sessionId);
  } catch (error) {
    const code = (error as { code?: string }).code ?? 'unknown';
    deps.log.warn(
      { shopId: order.shopId, orderId: order.id, err_code: code },
      'stripe session not closed',
    );
  }
}
