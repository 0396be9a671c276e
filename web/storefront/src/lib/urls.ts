import type { Locale } from '../../../../shared/i18n/locale.ts';

/** Site paths, with the build's `base` (`/s/{shopId}/` locally, `/` on a shop's own host). */
const BASE = import.meta.env.BASE_URL.endsWith('/')
  ? import.meta.env.BASE_URL
  : `${import.meta.env.BASE_URL}/`;

/** `site` is the origin the shop is served from, without the base. */
const ORIGIN = (import.meta.env.SITE ?? 'http://localhost').replace(/\/$/, '');

export function path(locale: Locale, rest = ''): string {
  return `${BASE}${locale === 'en' ? 'en/' : ''}${rest}`;
}

/** A path that is the same in every language (media, feeds, the order page's API). */
export function assetPath(rest: string): string {
  return `${BASE}${rest}`;
}

export function absolute(p: string): string {
  return `${ORIGIN}${p}`;
}

export const pages = {
  home: (l: Locale) => path(l),
  collection: (l: Locale, slug: string) => path(l, `collections/${slug}/`),
  product: (l: Locale, slug: string) => path(l, `products/${slug}/`),
  cart: (l: Locale) => path(l, 'cart/'),
  checkout: (l: Locale) => path(l, 'checkout/'),
  order: (l: Locale) => path(l, 'order/'),
  legal: (l: Locale, doc: string) => path(l, `legal/${doc}/`),
};

/** The same page in the other language. */
export function alternate(current: string, from: Locale, to: Locale): string {
  const rest = current.slice(path(from).length);
  return path(to, rest);
}
