import { type ReplayClient, runPool } from './client.ts';

/**
 * Same-site links and assets of a storefront page. Of an image's `srcset` a browser fetches
 * one candidate; the `src` (the largest) stands for it.
 */
function linksOf(html: string, prefix: string) {
  const refs = [...html.matchAll(/(?:href|src)="([^"#?]+)"/g)].map((m) => m[1]!);
  const own = [...new Set(refs)].filter((r) => r.startsWith(prefix));
  return {
    // Pages have clean URLs (`/s/shop/products/pan`): no extension in their last segment.
    pages: own.filter((r) => !/\.[a-z0-9]+$/i.test(r.slice(r.lastIndexOf('/') + 1))),
    assets: own.filter((r) => /\.(js|css|webp|png|jpe?g|svg|woff2?)$/.test(r)),
  };
}

/** The SKUs a product page asks live availability for (its variant status slots). */
function skusOf(html: string): string[] {
  const found = [...html.matchAll(/data-status="([^"]+)"/g)].map((m) => m[1]!);
  return [...new Set(found)];
}

/**
 * Storefront visits: each opens the home page and one product page (round robin) and the
 * product page's live-availability call to the storefront API. A first visit fetches every
 * same-site asset the pages reference; a returning visitor's browser has them cached (hashed
 * assets are immutable, media cached a day), so `newVisitorShare` of visits fetch assets.
 */
export async function replayVisits(
  client: ReplayClient,
  shopId: string,
  sitePath: string,
  visits: number,
  options: { newVisitorShare?: number; progress?: (done: number) => void } = {},
): Promise<{ pages: number; productPages: number; newVisitors: number }> {
  const share = options.newVisitorShare ?? 0.4;
  const home = await client.request(sitePath);
  const { pages } = linksOf(home.text, sitePath);
  const products = pages.filter((p) => p.includes('/products/'));
  if (products.length === 0) throw new Error(`No product pages linked from ${sitePath}`);

  const cache = new Map<string, { assets: string[]; skus: string[] }>();
  const page = async (path: string, fetchAssets: boolean) => {
    const res = await client.request(path);
    let known = cache.get(path);
    if (!known) {
      known = { assets: linksOf(res.text, sitePath).assets, skus: skusOf(res.text) };
      cache.set(path, known);
    }
    if (fetchAssets) for (const asset of known.assets) await client.request(asset);
    return known;
  };

  let done = 0;
  let newVisitors = 0;
  await runPool(visits, 8, async (i) => {
    // Spreads new visitors evenly: visit i is new when the running share crosses a whole one.
    const isNew = Math.floor((i + 1) * share) > Math.floor(i * share);
    if (isNew) newVisitors++;
    await page(sitePath, isNew);
    const product = await page(products[i % products.length]!, isNew);
    if (product.skus.length) {
      await client.request(`/api/shops/${shopId}/availability?skus=${product.skus.join(',')}`);
    }
    options.progress?.(++done);
  });
  return { pages: cache.size, productPages: products.length, newVisitors };
}
