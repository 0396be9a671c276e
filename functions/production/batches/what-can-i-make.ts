import type { Deps } from '../../deps.ts';
import { StockDoc, stockPath } from '../../inventory/stock.ts';
import { recipesCollection } from '../paths.ts';
import { Recipe } from '../recipes/recipe.ts';

export interface CanMake {
  sku: string;
  /** Whole batches the ingredient stock allows right now. */
  batches: number;
  units: number;
  /** The ingredient that runs out first. */
  limitedBy: string;
}

/** For every recipe: how many batches today's ingredient stock allows, and what limits it. */
export async function whatCanIMake(deps: Deps, shopId: string): Promise<CanMake[]> {
  const recipes = (
    await deps.store.query({
      collection: recipesCollection(shopId),
      orderBy: [{ field: 'sku' }],
      limit: 500,
    })
  ).map((s) => Recipe.parse(s.data));
  const skus = [...new Set(recipes.flatMap((r) => r.ingredients.map((i) => i.sku)))];
  const snaps = await deps.store.getAll(skus.map((sku) => stockPath(shopId, sku)));
  const available = new Map(
    snaps.map((s, i) => [skus[i]!, s.exists ? StockDoc.parse(s.data).available : 0]),
  );

  return recipes.map((recipe) => {
    let batches = Number.POSITIVE_INFINITY;
    let limitedBy = recipe.ingredients[0]!.sku;
    for (const i of recipe.ingredients) {
      const possible = Math.max(0, Math.floor((available.get(i.sku) ?? 0) / i.quantity));
      if (possible < batches) {
        batches = possible;
        limitedBy = i.sku;
      }
    }
    return { sku: recipe.sku, batches, units: batches * recipe.yield, limitedBy };
  });
}
