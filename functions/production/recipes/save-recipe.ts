import { AppError } from '../../core/errors.ts';
import type { Deps } from '../../deps.ts';
import { StockDoc, stockPath } from '../../inventory/stock.ts';
import { INGREDIENT_PRODUCT_ID, ingredientPath, recipePath } from '../paths.ts';
import { type Recipe, RecipeInput } from './recipe.ts';

/**
 * Saves the recipe of a catalog SKU (one with a product stock document); every ingredient must
 * exist and appear once, and none may be the SKU itself.
 */
export async function saveRecipe(
  deps: Deps,
  shopId: string,
  sku: string,
  raw: RecipeInput,
): Promise<Recipe> {
  const input = RecipeInput.parse(raw);
  const skus = input.ingredients.map((i) => i.sku);
  if (new Set(skus).size !== skus.length || skus.includes(sku)) {
    throw new AppError('validation_failed', {
      message: 'List each ingredient once, and not the finished SKU itself.',
      details: [{ path: 'ingredients', message: 'duplicate or circular ingredient' }],
    });
  }
  const finished = StockDoc.safeParse((await deps.store.get(stockPath(shopId, sku))).data);
  if (!finished.success || finished.data.productId === INGREDIENT_PRODUCT_ID) {
    throw new AppError('not_found', {
      message: `There is no product with SKU ${sku} in this shop.`,
      hint: 'A recipe makes a SKU of the catalog; create the product first.',
    });
  }
  const snaps = await deps.store.getAll(skus.map((s) => ingredientPath(shopId, s)));
  const unknown = skus.filter((_, i) => !snaps[i]!.exists);
  if (unknown.length > 0) {
    throw new AppError('validation_failed', {
      message: `These ingredients do not exist: ${unknown.join(', ')}.`,
      details: unknown.map((s) => ({ path: 'ingredients', message: `unknown ingredient ${s}` })),
      hint: 'Create the ingredients first.',
    });
  }
  const recipe: Recipe = {
    ...input,
    sku,
    productId: finished.data.productId,
    updatedAt: deps.clock.now().toISOString(),
  };
  await deps.store.set(recipePath(shopId, sku), recipe);
  return recipe;
}
