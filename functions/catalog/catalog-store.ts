import { Collection, Product } from '../../shared/catalog/product.ts';
import { ShopProfile } from '../../shared/catalog/shop.ts';
import { StockLevel } from '../../shared/catalog/stock.ts';
import { AppError } from '../core/errors.ts';
import type { DocSnapshot, Store } from '../store/port.ts';
import { catalogPaths } from './paths.ts';

/**
 * Reads of the catalog, validated on the way out of the store: a document that no longer fits
 * its schema fails loudly with its path instead of reaching a page.
 */
function parseDoc<T>(schema: { parse(v: unknown): T }, snap: DocSnapshot): T {
  try {
    return schema.parse(snap.data);
  } catch (cause) {
    throw new AppError('internal', { message: `Invalid document at ${snap.path}.`, cause });
  }
}

export async function readShop(store: Store, shopId: string): Promise<ShopProfile> {
  const snap = await store.get(catalogPaths.shop(shopId));
  if (!snap.exists) {
    throw new AppError('not_found', {
      message: `There is no shop ${shopId}.`,
      hint: 'Check the shop id in the address.',
    });
  }
  return parseDoc(ShopProfile, snap);
}

export interface ProductPage {
  products: Product[];
  /** Pass back as `cursor` for the next page; absent on the last page. */
  nextCursor: string | undefined;
}

/** Active products by slug, one page at a time (cursor = the last product id seen). */
export async function listActiveProducts(
  store: Store,
  shopId: string,
  options: { collection?: string; limit: number; cursor?: string },
): Promise<ProductPage> {
  const startAfter = options.cursor
    ? await store.get(catalogPaths.product(shopId, options.cursor))
    : undefined;
  if (startAfter && !startAfter.exists) {
    throw new AppError('bad_request', { message: 'The cursor does not point at a product.' });
  }
  const snaps = await store.query({
    collection: catalogPaths.products(shopId),
    where: [
      { field: 'status', op: '==', value: 'active' },
      ...(options.collection
        ? [{ field: 'collections', op: 'array-contains' as const, value: options.collection }]
        : []),
    ],
    orderBy: [{ field: 'slug' }],
    limit: options.limit + 1,
    ...(startAfter ? { startAfter } : {}),
  });
  const page = snaps.slice(0, options.limit);
  const more = snaps.length > options.limit;
  return {
    products: page.map((s) => parseDoc(Product, s)),
    nextCursor: more ? page.at(-1)?.id : undefined,
  };
}

/** Every active product of a shop, paged internally by cursor (for snapshots and feeds). */
export async function readAllActiveProducts(store: Store, shopId: string): Promise<Product[]> {
  const all: Product[] = [];
  let cursor: string | undefined;
  do {
    const page = await listActiveProducts(store, shopId, { limit: 500, cursor });
    all.push(...page.products);
    cursor = page.nextCursor;
  } while (cursor);
  return all;
}

export async function readActiveProductBySlug(
  store: Store,
  shopId: string,
  slug: string,
): Promise<Product | undefined> {
  const [snap] = await store.query({
    collection: catalogPaths.products(shopId),
    where: [
      { field: 'slug', op: '==', value: slug },
      { field: 'status', op: '==', value: 'active' },
    ],
    limit: 1,
  });
  return snap ? parseDoc(Product, snap) : undefined;
}

export async function readProductsByIds(
  store: Store,
  shopId: string,
  ids: readonly string[],
): Promise<Product[]> {
  const snaps = await store.getAll(ids.map((id) => catalogPaths.product(shopId, id)));
  return snaps.filter((s) => s.exists).map((s) => parseDoc(Product, s));
}

export async function readCollections(store: Store, shopId: string): Promise<Collection[]> {
  const snaps = await store.query({ collection: catalogPaths.collections(shopId), limit: 200 });
  return snaps.map((s) => parseDoc(Collection, s)).sort((a, b) => a.position - b.position);
}

/** Stock documents for the given SKUs; SKUs without a document are absent from the map. */
export async function readStockLevels(
  store: Store,
  shopId: string,
  skus: readonly string[],
): Promise<Map<string, StockLevel>> {
  const snaps = await store.getAll(skus.map((sku) => catalogPaths.stock(shopId, sku)));
  const levels = new Map<string, StockLevel>();
  for (const snap of snaps) {
    if (snap.exists) levels.set(snap.id, parseDoc(StockLevel, snap));
  }
  return levels;
}
