import type { APIRoute } from 'astro';
import { absolute, assetPath, path } from '../lib/urls.ts';

/** Crawlers may read everything but the per-visitor pages; the sitemap lists the rest. */
export const GET: APIRoute = () => {
  const privatePages = ['cart/', 'checkout/', 'order/', 'en/cart/', 'en/checkout/', 'en/order/'];
  const body = [
    'User-agent: *',
    ...privatePages.map((p) => `Disallow: ${path('es', p)}`),
    'Allow: /',
    '',
    `Sitemap: ${absolute(assetPath('sitemap.xml'))}`,
    '',
  ].join('\n');
  return new Response(body, { headers: { 'content-type': 'text/plain; charset=utf-8' } });
};
