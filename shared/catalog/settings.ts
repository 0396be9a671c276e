import { z } from 'zod';
import { LocalizedText } from '../i18n/locale.ts';
import { Cents } from '../money/money.ts';
import { CheckoutRules } from '../pricing/checkout-rules.ts';

const MethodId = z
  .string()
  .min(1)
  .max(40)
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'use lowercase letters, digits and single hyphens');

/** ISO 3166-1 alpha-2 country codes a shipping method delivers to. */
const Countries = z.array(z.string().length(2)).min(1).default(['ES']);

/** A flat rate, free when the goods subtotal reaches `freeAbove`. */
export const FlatRateShipping = z.object({
  kind: z.literal('flat'),
  id: MethodId,
  name: LocalizedText,
  price: Cents,
  freeAbove: Cents.optional(),
  countries: Countries,
  /** Working days from dispatch to delivery, shown to the shopper. */
  deliveryDays: z.object({ min: z.number().int().min(0), max: z.number().int().min(0) }).optional(),
});

/** Price by total parcel weight: the first band whose `upToGrams` covers the weight applies. */
export const WeightBandShipping = z.object({
  kind: z.literal('weight_bands'),
  id: MethodId,
  name: LocalizedText,
  bands: z
    .array(z.object({ upToGrams: z.number().int().positive(), price: Cents }))
    .min(1)
    .max(20),
  freeAbove: Cents.optional(),
  countries: Countries,
  deliveryDays: z.object({ min: z.number().int().min(0), max: z.number().int().min(0) }).optional(),
});

export const PickupSlot = z.object({
  id: MethodId,
  /** Local time of the shop, `HH:MM`. */
  from: z.string().regex(/^\d{2}:\d{2}$/),
  to: z.string().regex(/^\d{2}:\d{2}$/),
});
export type PickupSlot = z.infer<typeof PickupSlot>;

/** Collection at the shop on given weekdays (0 = Sunday … 6 = Saturday) and time slots. */
export const LocalPickup = z.object({
  kind: z.literal('pickup'),
  id: MethodId,
  name: LocalizedText,
  /** Where to collect, as shown to the shopper. */
  address: z.string().min(1).max(200),
  weekdays: z.array(z.number().int().min(0).max(6)).min(1).max(7),
  slots: z.array(PickupSlot).min(1).max(12),
  /** Earliest pickup is today + this many days (plus any product lead time). */
  minDaysAhead: z.number().int().min(0).max(60).default(1),
  /** How far ahead a pickup date may be chosen. */
  maxDaysAhead: z.number().int().min(1).max(120).default(14),
  price: Cents.default(0),
  instructions: LocalizedText.optional(),
});

export const ShippingMethod = z.discriminatedUnion('kind', [
  FlatRateShipping,
  WeightBandShipping,
  LocalPickup,
]);
export type ShippingMethod = z.infer<typeof ShippingMethod>;
export type LocalPickup = z.infer<typeof LocalPickup>;

export const PAYMENT_METHODS = ['stripe', 'bank_transfer', 'pay_on_pickup'] as const;
export const PaymentMethod = z.enum(PAYMENT_METHODS);
export type PaymentMethod = z.infer<typeof PaymentMethod>;

export const PaymentSettings = z.object({
  enabled: z.array(PaymentMethod).min(1).default(['bank_transfer']),
  /** Shown on the order status page and in the confirmation email for `bank_transfer`. */
  bankTransfer: z
    .object({
      iban: z.string().regex(/^[A-Z]{2}\d{2}[A-Z0-9 ]{10,40}$/, 'IBAN, e.g. ES91 2100 0418 …'),
      accountHolder: z.string().min(1).max(120),
      bic: z.string().max(11).optional(),
    })
    .optional(),
});
export type PaymentSettings = z.infer<typeof PaymentSettings>;

/** Optional Markdown that replaces a generated legal page. */
export const LegalTexts = z.object({
  notice: LocalizedText.optional(),
  privacy: LocalizedText.optional(),
  terms: LocalizedText.optional(),
  cookies: LocalizedText.optional(),
});

/**
 * Shop settings kept in the shop document under `settings`. Every field has a default, so
 * `ShopSettings.parse({})` is a valid (minimal) configuration.
 */
export const ShopSettings = z.object({
  /** IANA zone for pickup dates and slot times. */
  timeZone: z.string().min(1).max(60).default('Europe/Madrid'),
  shippingMethods: z.array(ShippingMethod).max(20).default([]),
  payments: PaymentSettings.prefault({}),
  /** Days a consumer may withdraw from a distance sale (EU minimum 14). */
  returnsDays: z.number().int().min(14).max(365).default(14),
  legalTexts: LegalTexts.prefault({}),
  newsletter: z
    .object({
      enabled: z.boolean().default(true),
      /** Version of the consent text the form shows; stored as consent evidence. */
      formVersion: z.string().min(1).max(40).default('storefront-v1'),
    })
    .prefault({}),
  /** Units at or below which the storefront says "only a few left". */
  lowStockThreshold: z.number().int().min(0).max(1000).default(3),
  /**
   * Checkout rules (minimum order, reservation time, order prefix), owned by checkout. Declared
   * here so parsing and saving the shop document keeps them.
   */
  checkout: CheckoutRules.optional(),
});
export type ShopSettings = z.infer<typeof ShopSettings>;
