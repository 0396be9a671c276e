import { stringify } from 'csv-stringify/sync';
import type { AvailabilityStatus } from '../../../../shared/catalog/availability.ts';
import { markdownToText } from '../../../../shared/catalog/markdown.ts';
import type { CatalogSnapshot } from '../../../../shared/catalog/snapshot.ts';
import { type Locale, pick } from '../../../../shared/i18n/locale.ts';
import { productsIn, productTitle, variantViews } from './catalog-view.ts';
import { decimal, imageUrl } from './structured-data.ts';
import { absolute, pages } from './urls.ts';

/** One row per active variant: the facts both feeds are made of. */
export interface FeedItem {
  id: string;
  groupId: string | undefined;
  title: string;
  description: string;
  link: string;
  imageLink: string;
  extraImages: string[];
  status: AvailabilityStatus;
  price: string;
  salePrice: string | undefined;
  brand: string;
  gtin: string | undefined;
  weightGrams: number | undefined;
  productType: string | undefined;
}

/** Both feeds of a language read the same items: computed once per snapshot and language. */
const itemsCache = new WeakMap<CatalogSnapshot, Map<Locale, FeedItem[]>>();

export function feedItems(snapshot: CatalogSnapshot, locale: Locale): FeedItem[] {
  const byLocale = itemsCache.get(snapshot) ?? new Map<Locale, FeedItem[]>();
  const cached = byLocale.get(locale);
  if (cached) return cached;
  itemsCache.set(snapshot, byLocale);
  const items = buildFeedItems(snapshot, locale);
  byLocale.set(locale, items);
  return items;
}

function buildFeedItems(snapshot: CatalogSnapshot, locale: Locale): FeedItem[] {
  const currency = snapshot.shop.currency;
  return productsIn(snapshot, locale).flatMap((product) => {
    const views = variantViews(snapshot, product);
    const [image, ...more] = product.images.map((i) => imageUrl(i.src));
    const collection = snapshot.collections.find((c) => product.collections.includes(c.slug));
    const title = productTitle(product, locale);
    return views.map((v) => {
      const onSale =
        v.variant.compareAtPrice !== undefined && v.variant.compareAtPrice > v.variant.price;
      return {
        id: v.variant.sku,
        groupId: views.length > 1 ? product.id : undefined,
        title: v.label ? `${title} — ${v.label}` : title,
        description: markdownToText(pick(product.description, locale), 5000) || title,
        link: absolute(pages.product(locale, product.slug)),
        imageLink: image ?? '',
        extraImages: more,
        status: v.status,
        price: `${decimal(onSale ? v.variant.compareAtPrice! : v.variant.price)} ${currency}`,
        salePrice: onSale ? `${decimal(v.variant.price)} ${currency}` : undefined,
        brand: snapshot.shop.name,
        gtin: v.variant.barcode,
        weightGrams: v.variant.weightGrams,
        productType: collection ? pick(collection.title, locale) : undefined,
      };
    });
  });
}

const GOOGLE_AVAILABILITY: Record<AvailabilityStatus, string> = {
  in_stock: 'in_stock',
  low: 'in_stock',
  made_to_order: 'in_stock',
  backorder: 'backorder',
  out_of_stock: 'out_of_stock',
};

const META_AVAILABILITY: Record<AvailabilityStatus, string> = {
  in_stock: 'in stock',
  low: 'in stock',
  made_to_order: 'available for order',
  backorder: 'available for order',
  out_of_stock: 'out of stock',
};

const XML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
};
/** XML 1.0 forbids most control characters even when escaped. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: these are the characters it removes.
const NOT_XML_CHAR = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;

function xml(text: string): string {
  return text.replace(/[&<>"]/g, (ch) => XML_ESCAPES[ch]!).replace(NOT_XML_CHAR, '');
}

/** Google Merchant Center product feed (RSS 2.0 with the `g:` namespace). */
export function googleMerchantFeed(snapshot: CatalogSnapshot, locale: Locale): string {
  const tag = (name: string, value: string | undefined) =>
    value === undefined || value === '' ? '' : `<${name}>${xml(value)}</${name}>`;
  // A product's variants share its description (up to 5,000 characters): escape it once.
  const descriptions = new Map<string, string>();
  const description = (text: string) => {
    let element = descriptions.get(text);
    if (element === undefined) {
      element = tag('g:description', text);
      descriptions.set(text, element);
    }
    return element;
  };
  const items = feedItems(snapshot, locale).map((i) =>
    [
      '<item>',
      tag('g:id', i.id),
      tag('g:item_group_id', i.groupId),
      tag('g:title', i.title.slice(0, 150)),
      description(i.description),
      tag('g:link', i.link),
      tag('g:image_link', i.imageLink),
      ...i.extraImages.map((src) => tag('g:additional_image_link', src)),
      tag('g:availability', GOOGLE_AVAILABILITY[i.status]),
      tag('g:price', i.price),
      tag('g:sale_price', i.salePrice),
      tag('g:condition', 'new'),
      tag('g:brand', i.brand),
      i.gtin ? tag('g:gtin', i.gtin) : tag('g:identifier_exists', 'no'),
      tag('g:product_type', i.productType),
      i.weightGrams ? tag('g:shipping_weight', `${i.weightGrams} g`) : '',
      '</item>',
    ].join(''),
  );
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:g="http://base.google.com/ns/1.0"><channel>${tag('title', snapshot.shop.name)}${tag('link', absolute(pages.home(locale)))}${tag('description', snapshot.shop.tagline ? pick(snapshot.shop.tagline, locale) : snapshot.shop.name)}
${items.join('\n')}
</channel></rss>
`;
}

export const META_COLUMNS = [
  'id',
  'title',
  'description',
  'availability',
  'condition',
  'price',
  'sale_price',
  'link',
  'image_link',
  'additional_image_link',
  'brand',
  'item_group_id',
  'gtin',
  'product_type',
] as const;

/** Meta (Facebook/Instagram) catalog data feed, CSV with Meta's column names. */
export function metaCatalogCsv(snapshot: CatalogSnapshot, locale: Locale): string {
  const rows = feedItems(snapshot, locale).map((i) => [
    i.id,
    i.title.slice(0, 200),
    i.description.slice(0, 9999),
    META_AVAILABILITY[i.status],
    'new',
    i.price,
    i.salePrice ?? '',
    i.link,
    i.imageLink,
    i.extraImages.join(','),
    i.brand,
    i.groupId ?? '',
    i.gtin ?? '',
    i.productType ?? '',
  ]);
  return stringify([[...META_COLUMNS], ...rows]);
}
