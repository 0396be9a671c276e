import { CatalogSnapshot } from '../../shared/catalog/snapshot.ts';
import {
  readAllActiveProducts,
  readCollections,
  readShop,
  readStockLevels,
} from '../catalog/catalog-store.ts';
import type { Deps } from '../deps.ts';

/**
 * Reads what a storefront build needs from the store: the shop, its collections, its active
 * products (paged by cursor) and the stock of each of their SKUs at this moment.
 */
export async function exportSnapshot(
  deps: Pick<Deps, 'store' | 'clock'>,
  shopId: string,
): Promise<CatalogSnapshot> {
  const shop = await readShop(deps.store, shopId);
  const collections = await readCollections(deps.store, shopId);
  const products = await readAllActiveProducts(deps.store, shopId);

  const skus = products.flatMap((p) => p.variants.map((v) => v.sku));
  const stock: Record<string, number> = {};
  for (let i = 0; i < skus.length; i += 300) {
    const levels = await readStockLevels(deps.store, shopId, skus.slice(i, i + 300));
    for (const [sku, level] of levels) stock[sku] = level.available;
  }

  return CatalogSnapshot.parse({
    version: 1,
    shop,
    collections,
    products,
    stock,
    exportedAt: deps.clock.now().toISOString(),
  });
}
