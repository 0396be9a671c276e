import { z } from 'zod';
import { LocalizedText } from '../i18n/locale.ts';
import { Cents, TaxClass } from '../money/money.ts';
import { Allergen } from './allergens.ts';

export const Slug = z
  .string()
  .min(1)
  .max(120)
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'use lowercase letters, digits and single hyphens');

/** SKUs are document ids (`shops/{shop}/stock/{sku}`), so they keep to a safe alphabet. */
export const Sku = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/, 'use letters, digits, dot, dash or underscore');

export const ProductImage = z.object({
  /** Path under the shop's media, e.g. `media/sourdough-1.jpg`, or an absolute https URL. */
  src: z.string().min(1).max(500),
  alt: LocalizedText,
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  /** Smaller renditions of the same picture (same aspect ratio) for `srcset`. */
  srcset: z
    .array(z.object({ src: z.string().min(1).max(500), width: z.number().int().positive() }))
    .max(6)
    .optional(),
});
export type ProductImage = z.infer<typeof ProductImage>;

/** Up to three options (size, frame, passe-partout) whose values combine into variants. */
export const ProductOption = z.object({
  name: LocalizedText,
  values: z.array(z.string().min(1).max(60)).min(1).max(50),
});

export const Variant = z.object({
  sku: Sku,
  /** One value per option, in option order. */
  optionValues: z.array(z.string().min(1).max(60)).max(3),
  /** Gross price (VAT included), in cents. */
  price: Cents,
  compareAtPrice: Cents.optional(),
  weightGrams: z.number().int().min(0).max(1_000_000).optional(),
  barcode: z.string().max(40).optional(),
  /** Overrides the product's lead time for this variant (e.g. a framed print made to order). */
  leadTimeDays: z.number().int().min(0).max(365).optional(),
});
export type Variant = z.infer<typeof Variant>;

export const FoodInfo = z.object({
  ingredients: LocalizedText,
  allergens: z.array(Allergen),
  /** "May contain" traces, shown separately. */
  traces: z.array(Allergen).default([]),
  netQuantity: z.string().min(1).max(40),
  storage: LocalizedText.optional(),
  bestBefore: LocalizedText.optional(),
});
export type FoodInfo = z.infer<typeof FoodInfo>;

export const LimitedEdition = z.object({
  editionSize: z.number().int().min(1).max(100_000),
});

/** What happens when stock runs out: refuse, sell anyway, or make it to order. */
export const BackorderPolicy = z.enum(['deny', 'allow', 'made_to_order']);
export type BackorderPolicy = z.infer<typeof BackorderPolicy>;

export const ProductStatus = z.enum(['draft', 'active', 'archived']);

export const Product = z.object({
  id: z.string().min(1).max(64),
  slug: Slug,
  status: ProductStatus,
  title: LocalizedText,
  /** Markdown; rendered to sanitised HTML at build time, never trusted as HTML. */
  description: LocalizedText,
  collections: z.array(Slug).max(20).default([]),
  tags: z.array(z.string().min(1).max(40)).max(30).default([]),
  images: z.array(ProductImage).max(20).default([]),
  taxClass: TaxClass,
  options: z.array(ProductOption).max(3).default([]),
  variants: z.array(Variant).min(1).max(100),
  backorder: BackorderPolicy.default('deny'),
  /** Days to make a made-to-order item; sets the earliest delivery or pickup date. */
  leadTimeDays: z.number().int().min(0).max(365).optional(),
  limitedEdition: LimitedEdition.optional(),
  food: FoodInfo.optional(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type Product = z.infer<typeof Product>;

export const Collection = z.object({
  slug: Slug,
  title: LocalizedText,
  description: LocalizedText.optional(),
  /** Position in navigation, ascending. */
  position: z.number().int().default(0),
});
export type Collection = z.infer<typeof Collection>;

export function variantLabel(variant: Variant): string {
  return variant.optionValues.join(' / ');
}
