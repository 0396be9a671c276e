import type { APIRoute } from 'astro';
import { productsIn, shopLocales } from '../lib/catalog-view.ts';
import { LEGAL_DOCS } from '../lib/legal.ts';
import { loadSnapshot } from '../lib/snapshot.ts';
import { absolute, alternate, pages } from '../lib/urls.ts';

/** Every indexable page, each with its language alternates (sitemaps hreflang extension). */
export const GET: APIRoute = () => {
  const snapshot = loadSnapshot();
  const locales = shopLocales(snapshot);
  const lastmod = snapshot.exportedAt.slice(0, 10);
  const spanish = [
    pages.home('es'),
    ...snapshot.collections.map((c) => pages.collection('es', c.slug)),
    ...productsIn(snapshot, 'es').map((p) => pages.product('es', p.slug)),
    ...LEGAL_DOCS.map((d) => pages.legal('es', d)),
  ];
  const urls = spanish.flatMap((path) =>
    locales.map((locale) => {
      const links = locales
        .map(
          (l) =>
            `<xhtml:link rel="alternate" hreflang="${l}" href="${absolute(alternate(path, 'es', l))}"/>`,
        )
        .join('');
      return `<url><loc>${absolute(alternate(path, 'es', locale))}</loc><lastmod>${lastmod}</lastmod>${links}</url>`;
    }),
  );
  const body = `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">
${urls.join('\n')}
</urlset>
`;
  return new Response(body, { headers: { 'content-type': 'application/xml; charset=utf-8' } });
};
