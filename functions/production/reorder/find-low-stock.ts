import { Product } from '../../../shared/catalog/product.ts';
import { pick } from '../../../shared/i18n/locale.ts';
import type { Deps } from '../../deps.ts';
import { StockDoc, stockCollection } from '../../inventory/stock.ts';
import { Ingredient } from '../ingredients/ingredient.ts';
import { ingredientPath } from '../paths.ts';

export interface LowStock {
  sku: string;
  name: string;
  available: number;
  reorderPoint: number;
  ingredient?: Ingredient;
}

/** SKUs at or below their reorder point (products and ingredients alike), lowest first. */
export async function findLowStock(deps: Deps, shopId: string): Promise<LowStock[]> {
  const snaps = await deps.store.query({
    collection: stockCollection(shopId),
    where: [{ field: 'reorderPoint', op: '>=', value: 0 }],
    limit: 2000,
  });
  const low = snaps
    .map((s) => StockDoc.parse(s.data))
    .filter((d) => d.reorderPoint !== undefined && d.available <= d.reorderPoint);
  const ingredients = await deps.store.getAll(low.map((d) => ingredientPath(shopId, d.sku)));
  const products = await deps.store.getAll(
    low.map((d) => `shops/${shopId}/products/${d.productId}`),
  );
  return low
    .map((d, i) => {
      const parsed = Ingredient.safeParse(ingredients[i]!.data);
      const product = Product.safeParse(products[i]!.data);
      const title = product.success ? pick(product.data.title, 'es') : d.sku;
      return {
        sku: d.sku,
        name: parsed.success ? parsed.data.name : title,
        available: d.available,
        reorderPoint: d.reorderPoint!,
        ...(parsed.success ? { ingredient: parsed.data } : {}),
      };
    })
    .sort((a, b) => a.available - a.reorderPoint - (b.available - b.reorderPoint));
}
