import { z } from 'zod';

/** The part of a Stripe Checkout Session the webhook relies on. */
export const SessionObject = z.object({
  id: z.string(),
  object: z.literal('checkout.session'),
  payment_status: z.enum(['paid', 'unpaid', 'no_payment_required']),
  payment_intent: z.string().nullable().optional(),
  metadata: z.object({ shopId: z.string(), orderId: z.string() }).loose(),
});

export const ChargeObject = z.object({
  id: z.string(),
  object: z.literal('charge'),
  amount_refunded: z.number().int().min(0),
  payment_intent: z.string().nullable().optional(),
  metadata: z.object({ shopId: z.string(), orderId: z.string() }).loose().partial().optional(),
});

export const StripeEvent = z.object({
  id: z.string().min(1).max(255),
  type: z.string(),
  data: z.object({ object: z.record(z.string(), z.unknown()) }),
});
export type StripeEvent = z.infer<typeof StripeEvent>;
