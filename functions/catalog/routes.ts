import type { Hono } from 'hono';
import { z } from 'zod';
import { Sku, Slug } from '../../shared/catalog/product.ts';
import { AppError } from '../core/errors.ts';
import type { Deps } from '../deps.ts';
import { parseWith, readQuery } from '../http/body.ts';
import type { AppEnv } from '../http/types.ts';
import {
  listActiveProducts,
  readActiveProductBySlug,
  readCollections,
  readShop,
} from './catalog-store.ts';
import { getAvailability } from './get-availability.ts';

/** Catalog reads change when a shop publishes; caches may keep them a minute (CDN: 5). */
const CATALOG_CACHE = 'public, max-age=60, s-maxage=300';
/** Stock moves with every order: browsers and CDNs may reuse an answer for 15 seconds. */
const AVAILABILITY_CACHE = 'public, max-age=15, s-maxage=15';
export const MAX_AVAILABILITY_SKUS = 100;

const ListQuery = z.object({
  collection: Slug.optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
  cursor: z.string().min(1).max(64).optional(),
});

const AvailabilityQuery = z.object({
  skus: z
    .string()
    .min(1, 'list at least one SKU')
    .transform((s) => [...new Set(s.split(',').filter(Boolean))])
    .pipe(z.array(Sku).min(1).max(MAX_AVAILABILITY_SKUS)),
});

function shopIdOf(param: string | undefined): string {
  return parseWith(Slug, param, 'shop id in the path');
}

/** Public, read-only catalog API; every answer is cacheable. */
export function registerCatalogRoutes(app: Hono<AppEnv>, deps: Pick<Deps, 'store'>): void {
  app.get('/api/shops/:shopId/products', async (c) => {
    const shopId = shopIdOf(c.req.param('shopId'));
    const query = readQuery(c, ListQuery);

    await readShop(deps.store, shopId);
    const page = await listActiveProducts(deps.store, shopId, query);

    c.header('Cache-Control', CATALOG_CACHE);
    return c.json({ products: page.products, nextCursor: page.nextCursor ?? null });
  });

  app.get('/api/shops/:shopId/products/:slug', async (c) => {
    const shopId = shopIdOf(c.req.param('shopId'));
    const slug = parseWith(Slug, c.req.param('slug'), 'product slug in the path');

    const product = await readActiveProductBySlug(deps.store, shopId, slug);
    if (!product) {
      throw new AppError('not_found', { message: `There is no product ${slug} in ${shopId}.` });
    }

    c.header('Cache-Control', CATALOG_CACHE);
    return c.json({ product });
  });

  app.get('/api/shops/:shopId/collections', async (c) => {
    const shopId = shopIdOf(c.req.param('shopId'));

    await readShop(deps.store, shopId);
    const collections = await readCollections(deps.store, shopId);

    c.header('Cache-Control', CATALOG_CACHE);
    return c.json({ collections });
  });

  app.get('/api/shops/:shopId/availability', async (c) => {
    const shopId = shopIdOf(c.req.param('shopId'));
    const { skus } = readQuery(c, AvailabilityQuery);

    const availability = await getAvailability(deps, shopId, skus);

    c.header('Cache-Control', AVAILABILITY_CACHE);
    return c.json({ skus: availability });
  });
}
