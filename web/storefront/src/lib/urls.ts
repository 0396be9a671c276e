import type { Locale } from '../../../../shared/i18n/locale.ts';

/**
 * Site paths, with the build's base (`/s/{shopId}/` locally, `/` on a shop's own host) and the
 * origin it is served from. The publisher sets both beside the snapshot path; each build runs
 * in its own process, so they are read once.
 */
const RAW_BASE = process.env.KONTA_SITE_BASE ?? '/';
const BASE = RAW_BASE.endsWith('/') ? RAW_BASE : `${RAW_BASE}/`;
const ORIGIN = (process.env.KONTA_SITE_ORIGIN ?? 'http://localhost').replace(/\/$/, '');

/**
 * Page paths have no trailing slash (`/products/pan`, `/en`), as the build writes one
 * `.html` file per page and Hosting serves them with `cleanUrls` (firebase.json); the site
 * root is the base itself.
 */
export function path(locale: Locale, rest = ''): string {
  const prefix = locale === 'en' ? 'en' : '';
  return `${BASE}${prefix}${prefix && rest ? '/' : ''}${rest}`;
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
  collection: (l: Locale, slug: string) => path(l, `collections/${slug}`),
  product: (l: Locale, slug: string) => path(l, `products/${slug}`),
  cart: (l: Locale) => path(l, 'cart'),
  checkout: (l: Locale) => path(l, 'checkout'),
  order: (l: Locale) => path(l, 'order'),
  legal: (l: Locale, doc: string) => path(l, `legal/${doc}`),
};

/** The same page in the other language. */
export function alternate(current: string, from: Locale, to: Locale): string {
  const rest = current.slice(path(from).length).replace(/^\//, '');
  return path(to, rest);
}
