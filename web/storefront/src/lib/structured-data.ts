import { schemaOrgAvailability } from '../../../../shared/catalog/availability.ts';
import { markdownToText } from '../../../../shared/catalog/markdown.ts';
import type { Product } from '../../../../shared/catalog/product.ts';
import type { CatalogSnapshot } from '../../../../shared/catalog/snapshot.ts';
import { type Locale, pick } from '../../../../shared/i18n/locale.ts';
import { productTitle, variantViews } from './catalog-view.ts';
import { absolute, assetPath, pages } from './urls.ts';

const CONTEXT = 'https://schema.org';

/** Decimal price as schema.org and feeds want it: "4.90". */
export function decimal(cents: number): string {
  return (cents / 100).toFixed(2);
}

export function imageUrl(src: string): string {
  return /^https?:\/\//.test(src) ? src : absolute(assetPath(src));
}

export function organizationLd(snapshot: CatalogSnapshot, locale: Locale): object {
  const { shop } = snapshot;
  return {
    '@context': CONTEXT,
    '@type': 'Organization',
    '@id': `${absolute(pages.home('es'))}#organization`,
    name: shop.name,
    legalName: shop.legal.legalName,
    url: absolute(pages.home(locale)),
    email: shop.contactEmail,
    ...(shop.phone ? { telephone: shop.phone } : {}),
    address: {
      '@type': 'PostalAddress',
      streetAddress: shop.address.street,
      addressLocality: shop.address.city,
      postalCode: shop.address.postalCode,
      addressCountry: shop.address.country,
    },
  };
}

export function breadcrumbLd(trail: { name: string; href: string }[]): object {
  return {
    '@context': CONTEXT,
    '@type': 'BreadcrumbList',
    itemListElement: trail.map((c, i) => ({
      '@type': 'ListItem',
      position: i + 1,
      name: c.name,
      item: absolute(c.href),
    })),
  };
}

const VARIES_BY: Record<string, string> = {
  tamaño: 'https://schema.org/size',
  size: 'https://schema.org/size',
  color: 'https://schema.org/color',
  colour: 'https://schema.org/color',
};

/**
 * Product (one variant) or ProductGroup with a Product per variant (several), each with an
 * Offer carrying price, currency, availability and SKU, as Google's merchant listings expect.
 */
export function productLd(snapshot: CatalogSnapshot, product: Product, locale: Locale): object {
  const url = absolute(pages.product(locale, product.slug));
  const name = productTitle(product, locale);
  const description = markdownToText(pick(product.description, locale), 5000);
  const images = product.images.map((i) => imageUrl(i.src));
  const brand = { '@type': 'Brand', name: snapshot.shop.name };
  const views = variantViews(snapshot, product);

  const offerOf = (v: (typeof views)[number]) => ({
    '@type': 'Offer',
    url,
    sku: v.variant.sku,
    price: decimal(v.variant.price),
    priceCurrency: snapshot.shop.currency,
    availability: schemaOrgAvailability(v.status),
    itemCondition: 'https://schema.org/NewCondition',
    seller: { '@id': `${absolute(pages.home('es'))}#organization` },
  });
  const variantLd = (v: (typeof views)[number]) => ({
    '@type': 'Product',
    name: v.label ? `${name} — ${v.label}` : name,
    sku: v.variant.sku,
    ...(v.variant.barcode ? { gtin: v.variant.barcode } : {}),
    image: images,
    ...(v.variant.weightGrams
      ? { weight: { '@type': 'QuantitativeValue', value: v.variant.weightGrams, unitCode: 'GRM' } }
      : {}),
    offers: offerOf(v),
  });

  if (views.length === 1) {
    return { '@context': CONTEXT, ...variantLd(views[0]!), description, brand, url };
  }
  const variesBy = product.options
    .map((o) => VARIES_BY[(o.name.en ?? o.name.es).toLowerCase()])
    .filter(Boolean);
  return {
    '@context': CONTEXT,
    '@type': 'ProductGroup',
    name,
    description,
    url,
    image: images,
    brand,
    productGroupID: product.id,
    ...(variesBy.length ? { variesBy } : {}),
    hasVariant: views.map(variantLd),
  };
}
