import { z } from 'zod';
import { Locale } from '../i18n/locale.ts';

export const SubscriberStatus = z.enum([
  'pending',
  'confirmed',
  'unsubscribed',
  'bounced',
  'erased',
]);
export type SubscriberStatus = z.infer<typeof SubscriberStatus>;

/** Where a subscription came from; `import` marks contacts a merchant uploaded. */
export const ConsentSource = z.enum(['storefront', 'checkout', 'import', 'admin']);
export type ConsentSource = z.infer<typeof ConsentSource>;

/** An email address as we accept it: one line, at most 254 characters, lowercased for keys. */
export const EmailAddress = z
  .string()
  .trim()
  .max(254)
  .regex(/^[^\s\r\n<>"(),;:\\]+$/, 'must be a plain address')
  .pipe(z.email());

export const Tag = z
  .string()
  .trim()
  .min(1)
  .max(40)
  .regex(/^[\p{L}\p{N} _.-]+$/u, 'letters, digits, space, dot, dash or underscore');

/** What we can show a regulator: who agreed, when, from where, to which wording. */
export const ConsentEvidence = z.object({
  at: z.iso.datetime(),
  ip: z.string().max(64).nullable(),
  userAgent: z.string().max(400).nullable(),
  formVersion: z.string().max(40),
  source: ConsentSource,
  locale: Locale,
  /** The order whose checkout checkbox was ticked, for `checkout`. */
  orderId: z.string().max(64).optional(),
  /** The merchant's statement for imported contacts (the CSV `consent_source` column). */
  note: z.string().max(200).optional(),
});
export type ConsentEvidence = z.infer<typeof ConsentEvidence>;

/** `shops/{shopId}/subscribers/{id}`; the id is a keyed hash of the lowercased address. */
export const Subscriber = z.object({
  id: z.string(),
  /** Empty once erased. */
  email: z.string().max(254),
  status: SubscriberStatus,
  locale: Locale,
  tags: z.array(Tag).max(50).default([]),
  consent: ConsentEvidence.nullable(),
  /** Evidence of the confirming click (double opt-in), null until confirmed. */
  confirmation: z
    .object({ at: z.iso.datetime(), ip: z.string().max(64).nullable() })
    .nullable()
    .default(null),
  imported: z.boolean().default(false),
  confirmationSentAt: z.iso.datetime().nullable().default(null),
  unsubscribedAt: z.iso.datetime().nullable().default(null),
  bouncedAt: z.iso.datetime().nullable().default(null),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type Subscriber = z.infer<typeof Subscriber>;

/** The storefront form's body (`POST /api/shops/{shopId}/newsletter/subscribe`). */
export const SubscribeRequest = z.strictObject({
  email: EmailAddress,
  locale: Locale.default('es'),
  source: z.literal('storefront').default('storefront'),
  formVersion: z
    .string()
    .trim()
    .min(1)
    .max(40)
    .regex(/^[\w.-]+$/),
  /** Honeypot: people leave it empty, naive bots fill it. */
  website: z.string().max(200).default(''),
});
export type SubscribeRequest = z.infer<typeof SubscribeRequest>;
