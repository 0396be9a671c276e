import type { APIRoute } from 'astro';
import { LOCALES } from '../../../../shared/i18n/locale.ts';
import { absolute, assetPath, pages } from '../lib/urls.ts';

/** Crawlers may read everything but the per-visitor pages; the sitemap lists the rest. */
export const GET: APIRoute = () => {
  const privatePages = LOCALES.flatMap((l) => [pages.cart(l), pages.checkout(l), pages.order(l)]);
  const body = [
    'User-agent: *',
    ...privatePages.map((p) => `Disallow: ${p}`),
    'Allow: /',
    '',
    `Sitemap: ${absolute(assetPath('sitemap.xml'))}`,
    '',
  ].join('\n');
  return new Response(body, { headers: { 'content-type': 'text/plain; charset=utf-8' } });
};
