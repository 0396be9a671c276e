import type Stripe from 'stripe';
import { AppError } from '../../core/errors.ts';
import type { Deps } from '../../deps.ts';
import type { PaymentProvider } from '../provider.ts';
import { stripeClient } from './stripe-client.ts';

function unavailable(error: unknown): AppError {
  if (error instanceof AppError) return error;
  const type = (error as { type?: string }).type;
  return new AppError('upstream_unavailable', {
    message: `Stripe did not accept the request (${type ?? 'network error'}).`,
    hint: 'Try again in a minute, or choose bank transfer.',
    cause: error,
  });
}

/** Stripe Checkout: a hosted page per order, prices VAT-inclusive, expiring with the hold. */
export function createStripeProvider(deps: Deps): PaymentProvider {
  return {
    name: 'stripe',

    async createCheckoutSession(request) {
      const { order } = request;
      const stripe = await stripeClient(deps);
      const lineItems: Stripe.Checkout.SessionCreateParams.LineItem[] = order.lines.map((l) => ({
        quantity: l.quantity,
        price_data: {
          currency: 'eur',
          unit_amount: l.unitPrice,
          tax_behavior: 'inclusive',
          product_data: { name: l.variantLabel ? `${l.title} (${l.variantLabel})` : l.title },
        },
      }));
      if (order.totals.shipping > 0) {
        lineItems.push({
          quantity: 1,
          price_data: {
            currency: 'eur',
            unit_amount: order.totals.shipping,
            tax_behavior: 'inclusive',
            product_data: { name: order.fulfilment.methodName },
          },
        });
      }
      const metadata = { shopId: order.shopId, orderId: order.id, orderNumber: order.number };
      try {
        const session = await stripe.checkout.sessions.create(
          {
            mode: 'payment',
            line_items: lineItems,
            customer_email: order.customer.email,
            client_reference_id: order.id,
            locale: order.customer.locale,
            expires_at: Math.floor(request.expiresAt.getTime() / 1000),
            success_url: request.successUrl,
            cancel_url: request.cancelUrl,
            metadata,
            payment_intent_data: { metadata, description: `${request.shopName} ${order.number}` },
          },
          { idempotencyKey: `checkout:${order.shopId}:${order.id}` },
        );
        if (!session.url)
          throw new AppError('upstream_unavailable', { message: 'Stripe gave no URL.' });
        return { sessionId: session.id, url: session.url };
      } catch (error) {
        throw unavailable(error);
      }
    },

    async expireCheckoutSession(sessionId) {
      const stripe = await stripeClient(deps);
      try {
        await stripe.checkout.sessions.expire(sessionId);
      } catch (error) {
        throw unavailable(error);
      }
    },

    async refund(request) {
      const stripe = await stripeClient(deps);
      try {
        const refund = await stripe.refunds.create(
          { payment_intent: request.paymentIntentId, amount: request.amount },
          { idempotencyKey: request.idempotencyKey },
        );
        return { refundId: refund.id };
      } catch (error) {
        throw unavailable(error);
      }
    },
  };
}
