import { z } from 'zod';
import { Collection, Product, Sku } from './product.ts';
import { ShopProfile } from './shop.ts';

/**
 * Everything a storefront build needs, exported from the store at publish time: the shop,
 * its active products and collections, and the stock of every SKU at that moment (pages then
 * refresh availability live).
 */
export const CatalogSnapshot = z.object({
  version: z.literal(1),
  shop: ShopProfile,
  collections: z.array(Collection),
  products: z.array(Product),
  /** Units available per SKU when the snapshot was taken. */
  stock: z.record(Sku, z.number().int()),
  exportedAt: z.iso.datetime(),
});
export type CatalogSnapshot = z.infer<typeof CatalogSnapshot>;
