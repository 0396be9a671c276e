import { z } from 'zod';
import { Sku } from '../../shared/catalog/product.ts';
import { PaymentMethod } from '../../shared/catalog/settings.ts';
import { Locale } from '../../shared/i18n/locale.ts';

/** Most units of one SKU a single order may ask for. */
export const MAX_LINE_QUANTITY = 99;
export const MAX_LINES = 50;

/**
 * The checkout request. Strict: a price, total or any unknown field is refused, because the
 * server prices the cart from the catalog and never from the client.
 */
export const CheckoutBody = z.strictObject({
  lines: z
    .array(
      z.strictObject({
        sku: Sku,
        quantity: z.number().int().min(1).max(MAX_LINE_QUANTITY),
      }),
    )
    .min(1)
    .max(MAX_LINES),
  customer: z.strictObject({
    name: z.string().trim().min(1).max(120),
    email: z.email().max(254),
    phone: z.string().trim().max(30).optional(),
    locale: Locale,
  }),
  fulfilment: z.strictObject({
    method: z.enum(['pickup', 'shipping']),
    methodId: z.string().min(1).max(40),
    pickupDate: z.iso.date().optional(),
    pickupSlot: z.string().min(1).max(40).optional(),
    address: z
      .strictObject({
        line1: z.string().trim().min(1).max(200),
        city: z.string().trim().min(1).max(100),
        postalCode: z.string().trim().min(1).max(12),
        country: z.string().length(2).toUpperCase(),
      })
      .optional(),
  }),
  payment: PaymentMethod,
  newsletter: z.boolean(),
});
export type CheckoutBody = z.infer<typeof CheckoutBody>;
