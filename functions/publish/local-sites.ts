import type { Context } from 'hono';
import { Slug } from '../../shared/catalog/product.ts';
import type { Deps } from '../deps.ts';
import { seedDemoShops } from '../local/seed/seed-demo-shops.ts';
import { localPublishOptions, localSitesDir } from './local-publish.ts';
import { publishShop } from './publish-shop.ts';
import { createSiteServer } from './serve-sites.ts';
import { currentDir } from './site-folders.ts';
import { LOCAL_SITES_PREFIX } from './site-url.ts';

/**
 * The storefronts of the local stack: seeds the demo shops on first run, publishes every shop
 * into `{dataDir}/sites`, and serves each at `/s/{shopId}/` with compression.
 */
export function createLocalSites(deps: Pick<Deps, 'store' | 'clock' | 'log' | 'config'>) {
  const sitesDir = localSitesDir(deps.config.dataDir);
  const serve = createSiteServer();

  async function handle(c: Context): Promise<Response> {
    const url = new URL(c.req.url);
    const match = /^\/s\/([^/]+)(\/.*)?$/.exec(url.pathname);
    const shopId = match?.[1] ?? '';
    if (!Slug.safeParse(shopId).success) return c.notFound();
    if (!match?.[2]) return c.redirect(`${LOCAL_SITES_PREFIX}/${shopId}/${url.search}`, 301);
    const response = await serve(c.req.raw, currentDir(sitesDir, shopId), match[2].slice(1));
    return response ?? c.text('This shop has not been published yet.', 404);
  }

  /** Seeds the demo shops if missing, then publishes every shop; returns storefront URLs. */
  async function publishAll(
    origin: string,
    progress: (line: string) => void = () => {},
  ): Promise<Record<string, string>> {
    const created = await seedDemoShops(deps);
    if (created.length) progress(`seeded demo shops: ${created.join(', ')}`);

    const shops = await deps.store.query({ collection: 'shops', limit: 100 });
    const urls: Record<string, string> = {};
    for (const shop of shops) {
      const options = localPublishOptions(deps.config.dataDir, shop.id, origin);
      const result = await publishShop(deps, shop.id, options);
      progress(`published ${shop.id} (${result.products} products) in ${result.ms} ms`);
      urls[shop.id] = `${origin}${options.base}`;
    }
    return urls;
  }

  return { handle, publishAll, sitesDir };
}
