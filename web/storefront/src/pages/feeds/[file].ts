import type { APIRoute } from 'astro';
import { shopLocales } from '../../lib/catalog-view.ts';
import { googleMerchantFeed, metaCatalogCsv } from '../../lib/feeds.ts';
import { loadSnapshot } from '../../lib/snapshot.ts';

/** `google-merchant.xml`, `meta-catalog.csv`, and `-en` versions for an English catalog. */
export function getStaticPaths() {
  return shopLocales(loadSnapshot()).flatMap((locale) => {
    const suffix = locale === 'es' ? '' : `-${locale}`;
    return [
      { params: { file: `google-merchant${suffix}.xml` }, props: { locale, kind: 'google' } },
      { params: { file: `meta-catalog${suffix}.csv` }, props: { locale, kind: 'meta' } },
    ];
  });
}

export const GET: APIRoute = ({ props }) => {
  const snapshot = loadSnapshot();
  const { locale, kind } = props as { locale: 'es' | 'en'; kind: 'google' | 'meta' };
  return kind === 'google'
    ? new Response(googleMerchantFeed(snapshot, locale), {
        headers: { 'content-type': 'application/xml; charset=utf-8' },
      })
    : new Response(metaCatalogCsv(snapshot, locale), {
        headers: { 'content-type': 'text/csv; charset=utf-8' },
      });
};
