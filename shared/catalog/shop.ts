import { z } from 'zod';
import { Locale, LocalizedText } from '../i18n/locale.ts';
import { Currency } from '../money/money.ts';
import { Slug } from './product.ts';
import { ShopSettings } from './settings.ts';

/** The shop document `shops/{shopId}`: public profile and settings the storefront needs. */
export const ShopProfile = z.object({
  id: Slug,
  name: z.string().min(1).max(80),
  plan: z.enum(['catalog', 'production']),
  currency: Currency,
  locales: z.array(Locale).min(1),
  defaultLocale: Locale,
  tagline: LocalizedText.optional(),
  contactEmail: z.email(),
  phone: z.string().max(30).optional(),
  address: z.object({
    street: z.string().max(120),
    city: z.string().max(60),
    postalCode: z.string().max(12),
    country: z.string().length(2),
  }),
  legal: z.object({
    /** Legal name and tax id (NIF/CIF) for the legal notice and invoices. */
    legalName: z.string().max(120),
    taxId: z.string().max(20),
  }),
  theme: z.object({
    primaryColor: z.string().regex(/^#[0-9a-fA-F]{6}$/),
    accentColor: z.string().regex(/^#[0-9a-fA-F]{6}$/),
    logo: z.string().max(500).optional(),
  }),
  /** Public address of the published storefront in the cloud (its own Hosting site). */
  siteUrl: z.url().optional(),
  /** Shipping, payment, legal and newsletter settings; every field has a default. */
  settings: ShopSettings.prefault({}),
  createdAt: z.iso.datetime(),
});
export type ShopProfile = z.infer<typeof ShopProfile>;

/** The shop's settings; also accepts a shop object built without them (defaults apply). */
export function settingsOf(shop: { settings?: ShopSettings | undefined }): ShopSettings {
  return shop.settings ?? ShopSettings.parse({});
}
