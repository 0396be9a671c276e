import type { Context } from 'hono';
import { type AdminAsset, buildAdminUi } from './build-admin-ui.ts';

/**
 * Serves the admin UI under `/admin/` on the local stack, built once on the first request.
 * `/admin/` is the dashboard; unknown files are 404.
 */
export function createAdminUiHandler() {
  let assets: Promise<Map<string, AdminAsset>> | undefined;
  return async function serveAdminUi(c: Context): Promise<Response> {
    assets ??= buildAdminUi();
    const path = new URL(c.req.url).pathname;
    const name =
      path === '/admin' || path === '/admin/' ? 'index.html' : path.slice('/admin/'.length);
    if (path === '/admin') return c.redirect('/admin/', 301);
    const asset = (await assets).get(name);
    if (!asset) return c.text('Not found', 404);
    return c.body(asset.body as string, 200, {
      'content-type': asset.type,
      'cache-control': 'no-cache',
      'x-content-type-options': 'nosniff',
      'content-security-policy':
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: https:; connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; object-src 'none'",
    });
  };
}
