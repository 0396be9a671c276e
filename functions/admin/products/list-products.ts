import type { Product } from '../../../shared/catalog/product.ts';
import type { Store } from '../../store/port.ts';
import { loadAllProducts } from './product-store.ts';

export interface ProductFilter {
  q?: string;
  status?: 'draft' | 'active' | 'archived';
  collection?: string;
  cursor?: string;
  limit: number;
}

const fold = (text: string) =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();

function matches(product: Product, q: string): boolean {
  const hay = [
    product.title.es,
    product.title.en ?? '',
    product.slug,
    ...product.tags,
    ...product.variants.map((v) => v.sku),
  ].join(' ');
  return fold(q)
    .split(/\s+/)
    .filter(Boolean)
    .every((word) => fold(hay).includes(word));
}

/**
 * Admin product list with search (title, slug, tag, SKU) and filters. Filtering happens in
 * memory over the shop's products; the cursor is the last slug of the previous page.
 */
export async function listProducts(store: Store, shopId: string, filter: ProductFilter) {
  const all = await loadAllProducts(store, shopId);
  const hits = all.filter(
    (p) =>
      (!filter.status || p.status === filter.status) &&
      (!filter.collection || p.collections.includes(filter.collection)) &&
      (!filter.q || matches(p, filter.q)),
  );
  const start = filter.cursor ? hits.findIndex((p) => p.slug > filter.cursor!) : 0;
  const from = start < 0 ? hits.length : start;
  const page = hits.slice(from, from + filter.limit);
  const more = from + filter.limit < hits.length;
  return {
    products: page,
    total: hits.length,
    nextCursor: more ? page.at(-1)?.slug : undefined,
  };
}
