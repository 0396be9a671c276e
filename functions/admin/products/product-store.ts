import { Product } from '../../../shared/catalog/product.ts';
import { AppError } from '../../core/errors.ts';
import type { Store } from '../../store/port.ts';

export const productsOf = (shopId: string) => `shops/${shopId}/products`;
export const productPath = (shopId: string, id: string) => `${productsOf(shopId)}/${id}`;

/** A product of the session's shop; an id of any other shop is simply not found. */
export async function loadProduct(store: Store, shopId: string, id: string): Promise<Product> {
  const snap = await store.get(productPath(shopId, id));
  if (!snap.exists) {
    throw new AppError('not_found', { message: `There is no product ${id} in this shop.` });
  }
  return Product.parse(snap.data);
}

/** Every product of a shop, paged by cursor internally (admin shops hold at most thousands). */
export async function loadAllProducts(store: Store, shopId: string): Promise<Product[]> {
  const all: Product[] = [];
  let startAfter: Awaited<ReturnType<Store['query']>>[number] | undefined;
  for (;;) {
    const page = await store.query({
      collection: productsOf(shopId),
      orderBy: [{ field: 'slug' }],
      limit: 500,
      ...(startAfter ? { startAfter } : {}),
    });
    all.push(...page.map((s) => Product.parse(s.data)));
    if (page.length < 500) return all;
    startAfter = page.at(-1);
  }
}

export async function slugTaken(
  store: Store,
  shopId: string,
  slug: string,
  exceptId?: string,
): Promise<boolean> {
  const snaps = await store.query({
    collection: productsOf(shopId),
    where: [{ field: 'slug', op: '==', value: slug }],
    limit: 2,
  });
  return snaps.some((s) => s.id !== exceptId);
}
