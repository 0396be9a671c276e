import { Product, variantLabel } from '../../shared/catalog/product.ts';
import { pick } from '../../shared/i18n/locale.ts';
import type { CartItem } from '../../shared/pricing/price-cart.ts';
import { AppError } from '../core/errors.ts';
import { StockDoc, stockPath } from '../inventory/stock.ts';
import { parseSnapshot } from '../orders/parse-cache.ts';
import type { Store } from '../store/port.ts';
import type { CheckoutBody } from './checkout-body.ts';

export interface ResolvedCart {
  items: CartItem[];
  /** SKUs that may be sold beyond stock (backorder allowed or made to order). */
  backorderable: Set<string>;
  /** Lead time in days per made-to-order SKU. */
  leadTimes: number[];
  /** SKUs of limited editions. */
  limited: Set<string>;
}

/**
 * Turns requested SKUs into priced cart items from the catalog: the stock document names the
 * product, the product holds the price, tax class and policy. Repeated SKUs are merged.
 */
export async function resolveCart(
  store: Store,
  shopId: string,
  lines: CheckoutBody['lines'],
  locale: 'es' | 'en',
): Promise<ResolvedCart> {
  const quantities = new Map<string, number>();
  for (const l of lines) quantities.set(l.sku, (quantities.get(l.sku) ?? 0) + l.quantity);
  const skus = [...quantities.keys()];

  const stockSnaps = await store.getAll(skus.map((sku) => stockPath(shopId, sku)));
  const productIds = new Map<string, string>();
  const unknown: string[] = [];
  stockSnaps.forEach((snap, i) => {
    const parsed = StockDoc.safeParse(snap.data);
    if (parsed.success) productIds.set(skus[i]!, parsed.data.productId);
    else unknown.push(skus[i]!);
  });

  const ids = [...new Set(productIds.values())];
  const productSnaps = await store.getAll(ids.map((id) => `shops/${shopId}/products/${id}`));
  const products = new Map<string, Product>();
  for (const snap of productSnaps) {
    const product = parseSnapshot(Product, snap);
    if (product) products.set(snap.id, product);
  }

  const cart: ResolvedCart = {
    items: [],
    backorderable: new Set(),
    leadTimes: [],
    limited: new Set(),
  };
  const unavailable: string[] = [];
  for (const sku of skus) {
    const product = products.get(productIds.get(sku) ?? '');
    const variant = product?.variants.find((v) => v.sku === sku);
    if (!product || !variant) {
      if (!unknown.includes(sku)) unknown.push(sku);
      continue;
    }
    if (product.status !== 'active') {
      unavailable.push(sku);
      continue;
    }
    cart.items.push({
      sku,
      productId: product.id,
      title: pick(product.title, locale),
      variantLabel: variantLabel(variant),
      quantity: quantities.get(sku)!,
      unitPrice: variant.price,
      taxClass: product.taxClass,
      weightGrams: variant.weightGrams ?? 0,
    });
    if (product.backorder !== 'deny') cart.backorderable.add(sku);
    if (product.backorder === 'made_to_order') {
      cart.leadTimes.push(variant.leadTimeDays ?? product.leadTimeDays ?? 0);
    }
    if (product.limitedEdition) cart.limited.add(sku);
  }

  if (unknown.length > 0) {
    throw new AppError('unknown_sku', {
      message: `These SKUs are not in the catalog: ${unknown.join(', ')}.`,
      hint: 'Refresh the page: the catalog may have changed.',
      details: { skus: unknown },
    });
  }
  if (unavailable.length > 0) {
    throw new AppError('product_unavailable', {
      message: `These products are not for sale now: ${unavailable.join(', ')}.`,
      hint: 'Remove them from the cart and try again.',
      details: { skus: unavailable },
    });
  }
  return cart;
}
