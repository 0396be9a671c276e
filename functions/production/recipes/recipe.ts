import { z } from 'zod';
import { Sku } from '../../../shared/catalog/product.ts';

/**
 * `shops/{shopId}/recipes/{sku}`: how one batch of a finished SKU is made. Quantities are in
 * each ingredient's unit (g, ml, pieces); one batch yields `yield` units of the SKU.
 */
export const Recipe = z.object({
  sku: Sku,
  /** The catalog product the SKU belongs to (its stock document's `productId`). */
  productId: z.string().min(1).max(64),
  yield: z.number().int().positive().max(100_000),
  ingredients: z
    .array(z.object({ sku: Sku, quantity: z.number().int().positive().max(100_000_000) }))
    .min(1)
    .max(50),
  notes: z.string().max(2000).optional(),
  updatedAt: z.iso.datetime(),
});
export type Recipe = z.infer<typeof Recipe>;

/** The product comes from the SKU's stock document, so the input names only the recipe. */
export const RecipeInput = Recipe.omit({ sku: true, productId: true, updatedAt: true });
export type RecipeInput = z.input<typeof RecipeInput>;
