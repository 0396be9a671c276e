import type { APIRoute } from 'astro';
import { pick } from '../../../../shared/i18n/locale.ts';
import { loadSnapshot } from '../lib/snapshot.ts';
import { pages } from '../lib/urls.ts';

/**
 * Display prices for the cart island: per SKU its titles (es, en), variant label, gross price
 * in cents and product URLs. The checkout API prices orders again from the store.
 */
export const GET: APIRoute = () => {
  const snapshot = loadSnapshot();
  const items: Record<string, { t: [string, string]; v: string; p: number; u: [string, string] }> =
    {};
  for (const product of snapshot.products) {
    if (product.status !== 'active') continue;
    for (const variant of product.variants) {
      items[variant.sku] = {
        t: [pick(product.title, 'es'), pick(product.title, 'en')],
        v: variant.optionValues.join(' / '),
        p: variant.price,
        u: [pages.product('es', product.slug), pages.product('en', product.slug)],
      };
    }
  }
  return new Response(JSON.stringify({ currency: snapshot.shop.currency, items }), {
    headers: { 'content-type': 'application/json' },
  });
};
