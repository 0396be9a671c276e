import { type AvailabilityStatus, availabilityStatus } from '../../shared/catalog/availability.ts';
import { settingsOf } from '../../shared/catalog/shop.ts';
import type { Deps } from '../deps.ts';
import { readProductsByIds, readShop, readStockLevels } from './catalog-store.ts';

export interface SkuAvailability {
  available: number;
  status: AvailabilityStatus;
}

/**
 * Live availability of the given SKUs from their stock documents. A SKU without a stock
 * document (unknown, or never stocked) reports 0 units; its status follows its product's
 * backorder policy when the product is known, else `out_of_stock`.
 */
export async function getAvailability(
  deps: Pick<Deps, 'store'>,
  shopId: string,
  skus: readonly string[],
): Promise<Record<string, SkuAvailability>> {
  const shop = await readShop(deps.store, shopId);
  const levels = await readStockLevels(deps.store, shopId, skus);
  const productIds = [...new Set([...levels.values()].map((l) => l.productId))];
  const products = await readProductsByIds(deps.store, shopId, productIds);
  const policyOf = new Map(products.map((p) => [p.id, p.backorder]));

  const result: Record<string, SkuAvailability> = {};
  for (const sku of skus) {
    const level = levels.get(sku);
    const available = Math.max(0, level?.available ?? 0);
    const policy = (level && policyOf.get(level.productId)) ?? 'deny';
    result[sku] = {
      available,
      status: availabilityStatus(available, policy, settingsOf(shop).lowStockThreshold),
    };
  }
  return result;
}
