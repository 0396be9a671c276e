import { z } from 'zod';

/**
 * Checkout rules kept in the shop document under `settings.checkout`; every field has a
 * default, so a shop without them still sells.
 */
export const CheckoutRules = z.object({
  /** Minimum goods total (gross cents) for an order; 0 = none. */
  minimumOrder: z.number().int().min(0).max(10_000_000).default(0),
  /** How long a checkout holds stock while the shopper pays online (Stripe allows 30–1440). */
  reservationMinutes: z.number().int().min(30).max(1440).default(30),
  /** Days an unpaid bank-transfer order keeps its stock before it is cancelled. */
  bankTransferDays: z.number().int().min(1).max(30).default(7),
  /** Prefix of human order numbers (`BF-1042`); derived from the shop id when absent. */
  orderPrefix: z
    .string()
    .regex(/^[A-Z0-9]{1,6}$/)
    .optional(),
});
export type CheckoutRules = z.infer<typeof CheckoutRules>;

/** `bakery-flor` → `BF`; a single word gives its first two letters. */
export function defaultOrderPrefix(shopId: string): string {
  const words = shopId.split(/[^A-Za-z0-9]+/).filter(Boolean);
  const letters =
    words.length > 1 ? words.map((w) => w[0]).join('') : (words[0] ?? 'K').slice(0, 2);
  return letters.slice(0, 6).toUpperCase();
}
