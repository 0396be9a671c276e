import {
  type AvailabilityStatus,
  availabilityStatus,
  isPurchasable,
} from '../../../../shared/catalog/availability.ts';
import type { Product, Variant } from '../../../../shared/catalog/product.ts';
import { settingsOf } from '../../../../shared/catalog/shop.ts';
import type { CatalogSnapshot } from '../../../../shared/catalog/snapshot.ts';
import { type Locale, pick } from '../../../../shared/i18n/locale.ts';
import { t } from './i18n.ts';

export interface VariantView {
  variant: Variant;
  label: string;
  status: AvailabilityStatus;
  available: number;
  purchasable: boolean;
  leadTimeDays: number | undefined;
}

export function variantViews(snapshot: CatalogSnapshot, product: Product): VariantView[] {
  const threshold = settingsOf(snapshot.shop).lowStockThreshold;
  return product.variants.map((variant) => {
    const available = Math.max(0, snapshot.stock[variant.sku] ?? 0);
    const status = availabilityStatus(available, product.backorder, threshold);
    return {
      variant,
      label: variant.optionValues.join(' / '),
      status,
      available,
      purchasable: isPurchasable(status),
      leadTimeDays: variant.leadTimeDays ?? product.leadTimeDays,
    };
  });
}

export function statusText(locale: Locale, status: AvailabilityStatus): string {
  const key = {
    in_stock: 'inStock',
    low: 'low',
    out_of_stock: 'soldOut',
    made_to_order: 'madeToOrder',
    backorder: 'backorder',
  } as const;
  return t(locale, key[status]);
}

/** Units of a limited edition still for sale, over all its variants. */
export function editionLeft(snapshot: CatalogSnapshot, product: Product): number {
  return product.variants.reduce((n, v) => n + Math.max(0, snapshot.stock[v.sku] ?? 0), 0);
}

/**
 * Intl formatters are costly to create, and formatting is not free either: a build formats
 * each price on its page, its listing cards and the cart data, so results are kept too.
 */
const formatters = new Map<string, Intl.NumberFormat>();
const formatted = new Map<string, string>();

export function money(snapshot: CatalogSnapshot, cents: number, locale: Locale): string {
  const key = `${locale}:${snapshot.shop.currency}`;
  const memo = `${key}:${cents}`;
  const hit = formatted.get(memo);
  if (hit !== undefined) return hit;
  let format = formatters.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale === 'es' ? 'es-ES' : 'en-IE', {
      style: 'currency',
      currency: snapshot.shop.currency,
    });
    formatters.set(key, format);
  }
  const text = format.format(cents / 100);
  formatted.set(memo, text);
  return text;
}

/** "19,00 €" or "Desde 15,00 €" when variants differ in price. */
export function priceLabel(snapshot: CatalogSnapshot, product: Product, locale: Locale): string {
  const prices = product.variants.map((v) => v.price);
  const min = Math.min(...prices);
  const text = money(snapshot, min, locale);
  return Math.max(...prices) > min ? `${t(locale, 'from')} ${text}` : text;
}

export function productTitle(product: Product, locale: Locale): string {
  return pick(product.title, locale);
}

const sorted = new Map<string, Product[]>();

/**
 * Products of a collection (or all) in a stable order: by title in the page's language.
 * Memoised per snapshot, language and collection: home, collections, feeds and sitemap of a
 * 10,000-product build would otherwise sort the catalog dozens of times.
 */
export function productsIn(
  snapshot: CatalogSnapshot,
  locale: Locale,
  collection?: string,
): Product[] {
  const key = `${snapshot.exportedAt}:${locale}:${collection ?? ''}`;
  const hit = sorted.get(key);
  if (hit) return hit;
  const collator = new Intl.Collator(locale);
  const list = snapshot.products
    .filter((p) => p.status === 'active' && (!collection || p.collections.includes(collection)))
    .map((p) => ({ p, title: productTitle(p, locale) }))
    .sort((a, b) => collator.compare(a.title, b.title))
    .map((x) => x.p);
  sorted.set(key, list);
  return list;
}

/** Locales this shop publishes; Spanish always (LocalizedText requires it). */
export function shopLocales(snapshot: CatalogSnapshot): Locale[] {
  const locales = new Set<Locale>(['es', ...snapshot.shop.locales]);
  return [...locales];
}
