import { z } from 'zod';
import { Sku } from '../../../shared/catalog/product.ts';
import { Locale } from '../../../shared/i18n/locale.ts';

/** Stock of an ingredient counts whole base units: grams, millilitres or pieces. */
export const IngredientUnit = z.enum(['g', 'ml', 'unit']);
export type IngredientUnit = z.infer<typeof IngredientUnit>;

export const Supplier = z.object({
  name: z.string().min(1).max(120),
  email: z.email().max(254),
  locale: Locale.default('es'),
});

/**
 * `shops/{shopId}/ingredients/{sku}`: something recipes consume and the shop never sells.
 * Its stock and ledger are the ordinary `stock/{sku}` and `ledger` documents, with
 * `productId: 'ingredient'`.
 */
export const Ingredient = z.object({
  sku: Sku,
  kind: z.literal('ingredient'),
  name: z.string().min(1).max(120),
  unit: IngredientUnit,
  supplier: Supplier.optional(),
  /** Email the supplier a purchase request when stock is at or below the reorder point. */
  purchaseRequests: z.boolean().default(false),
  /** How much a purchase request asks for; the reorder point when absent. */
  reorderQuantity: z.number().int().positive().max(100_000_000).optional(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type Ingredient = z.infer<typeof Ingredient>;

export const IngredientInput = Ingredient.omit({
  sku: true,
  kind: true,
  createdAt: true,
  updatedAt: true,
}).extend({
  /** Written on the stock document, where every SKU keeps it. */
  reorderPoint: z.number().int().min(0).max(100_000_000).optional(),
});
export type IngredientInput = z.input<typeof IngredientInput>;
