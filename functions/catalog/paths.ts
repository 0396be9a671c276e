/** Store paths of the catalog; the only place that spells them. */
export const catalogPaths = {
  shop: (shopId: string) => `shops/${shopId}`,
  products: (shopId: string) => `shops/${shopId}/products`,
  product: (shopId: string, productId: string) => `shops/${shopId}/products/${productId}`,
  collections: (shopId: string) => `shops/${shopId}/collections`,
  collection: (shopId: string, slug: string) => `shops/${shopId}/collections/${slug}`,
  stock: (shopId: string, sku: string) => `shops/${shopId}/stock/${sku}`,
  ledgerEntry: (shopId: string, entryId: string) => `shops/${shopId}/ledger/${entryId}`,
};
