import type { Hono } from 'hono';
import { Slug } from '../../../shared/catalog/product.ts';
import { AppError } from '../../core/errors.ts';
import type { Deps } from '../../deps.ts';
import { parseWith } from '../../http/body.ts';
import type { AppEnv } from '../../http/types.ts';
import { handleStripeEvent } from './handle-stripe-event.ts';
import { stripeClient, stripeSettings } from './stripe-client.ts';
import { StripeEvent } from './stripe-event.ts';

/** Stripe's default: a signature older than five minutes is a replay. */
export const SIGNATURE_TOLERANCE_SECONDS = 300;
const MAX_WEBHOOK_BYTES = 512 * 1024;

/** `POST /api/webhooks/stripe/{shopId}`: verified on the raw bytes, applied once per event id. */
export function registerStripeWebhookRoutes(app: Hono<AppEnv>, deps: Deps): void {
  app.post('/api/webhooks/stripe/:shopId', async (c) => {
    const raw = await c.req.text();
    if (Buffer.byteLength(raw) > MAX_WEBHOOK_BYTES) throw new AppError('payload_too_large');
    const shopId = Slug.safeParse(c.req.param('shopId'));
    if (!shopId.success) throw new AppError('not_found');
    const signature = c.req.header('stripe-signature');
    if (!signature) {
      throw new AppError('invalid_signature', {
        message: 'The Stripe-Signature header is missing.',
        hint: 'Send webhooks from Stripe, or sign test events with generateTestHeaderString.',
      });
    }

    const { webhookSecret } = stripeSettings(deps);
    const stripe = await stripeClient(deps);
    let verified: unknown;
    try {
      verified = stripe.webhooks.constructEvent(
        raw,
        signature,
        webhookSecret,
        SIGNATURE_TOLERANCE_SECONDS,
        undefined,
        deps.clock.now().getTime(),
      );
    } catch (error) {
      const message = error instanceof Error ? error.message : 'unknown';
      const stale = /tolerance/i.test(message);
      throw new AppError('invalid_signature', {
        message: stale
          ? 'The webhook timestamp is older than five minutes.'
          : 'The webhook signature does not match the body.',
        hint: stale
          ? 'Check the server clock; Stripe retries with a fresh signature.'
          : 'Check STRIPE_WEBHOOK_SECRET against the endpoint secret in the Stripe dashboard.',
      });
    }

    const event = parseWith(StripeEvent, verified, 'Stripe event');
    const outcome = await handleStripeEvent(deps, shopId.data, event);
    c.get('log').info(
      { shopId: shopId.data, eventId: event.id, eventType: event.type, outcome },
      'stripe event',
    );
    return c.json({ received: true, outcome });
  });
}
