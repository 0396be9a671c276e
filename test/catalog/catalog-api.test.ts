import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerCatalogRoutes } from '../../functions/catalog/routes.ts';
import { createApp } from '../../functions/http/app.ts';
import type { AppEnv } from '../../functions/http/types.ts';
import { seedDemoShops } from '../../functions/local/seed/seed-demo-shops.ts';
import { createTestDeps } from '../support/deps.ts';

const BAKERY = 'horno-sin-gluten';
const PAINTER = 'estudio-marina-rey';

let ctx: Awaited<ReturnType<typeof createTestDeps>>;
let app: Hono<AppEnv>;

beforeAll(async () => {
  ctx = await createTestDeps();
  await seedDemoShops(ctx.deps);
  app = createApp(ctx.deps.log);
  registerCatalogRoutes(app, ctx.deps);
});
afterAll(() => ctx.close());

describe('catalog API', () => {
  it('lists active products page by page with a cursor', async () => {
    const first = await app.request(`/api/shops/${BAKERY}/products?limit=5`);
    expect(first.status).toBe(200);
    expect(first.headers.get('cache-control')).toContain('max-age=60');
    const page1 = (await first.json()) as { products: { slug: string }[]; nextCursor: string };
    expect(page1.products).toHaveLength(5);
    expect(page1.nextCursor).toBeTruthy();

    const seen = page1.products.map((p) => p.slug);
    let cursor: string | null = page1.nextCursor;
    while (cursor) {
      const res = await app.request(`/api/shops/${BAKERY}/products?limit=5&cursor=${cursor}`);
      const page = (await res.json()) as {
        products: { slug: string }[];
        nextCursor: string | null;
      };
      seen.push(...page.products.map((p) => p.slug));
      cursor = page.nextCursor;
    }
    expect(seen).toHaveLength(14);
    expect(seen).toEqual([...seen].sort());
  });

  it('filters by collection', async () => {
    const res = await app.request(`/api/shops/${BAKERY}/products?collection=por-encargo`);
    const body = (await res.json()) as { products: { id: string }[] };
    expect(body.products.map((p) => p.id).sort()).toEqual([
      'empanada-atun',
      'roscon',
      'tarta-queso',
    ]);
  });

  it('gets one product by slug, with variants and food information', async () => {
    const res = await app.request(`/api/shops/${BAKERY}/products/tarta-de-queso`);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('public, max-age=60, s-maxage=300');
    const { product } = (await res.json()) as {
      product: { variants: unknown[]; food: { allergens: string[] }; leadTimeDays: number };
    };
    expect(product.variants).toHaveLength(2);
    expect(product.food.allergens).toEqual(['milk', 'eggs']);
    expect(product.leadTimeDays).toBe(2);
  });

  it('answers 404 with the error body for an unknown product or shop', async () => {
    const product = await app.request(`/api/shops/${BAKERY}/products/no-such-thing`);
    expect(product.status).toBe(404);
    expect(((await product.json()) as { error: { code: string } }).error.code).toBe('not_found');
    const shop = await app.request('/api/shops/no-such-shop/products');
    expect(shop.status).toBe(404);
  });

  it('rejects a malformed shop id or limit', async () => {
    expect((await app.request('/api/shops/Bad_Shop/products')).status).toBe(400);
    expect((await app.request(`/api/shops/${BAKERY}/products?limit=1000`)).status).toBe(400);
  });

  it('lists collections in position order', async () => {
    const res = await app.request(`/api/shops/${PAINTER}/collections`);
    const body = (await res.json()) as { collections: { slug: string }[] };
    expect(body.collections[0]?.slug).toBe('grabados');
    expect(body.collections).toHaveLength(7);
  });

  it('reports live availability per SKU with a short cache lifetime', async () => {
    const skus = ['HSG-SAR-ENT', 'HSG-TEF', 'HSG-BRO-4', 'HSG-TQ-6', 'EMR-BOL-NE', 'NOPE'];
    const res = await app.request(`/api/shops/${BAKERY}/availability?skus=${skus.join(',')}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('public, max-age=15, s-maxage=15');
    const body = (await res.json()) as {
      skus: Record<string, { available: number; status: string }>;
    };
    expect(body.skus['HSG-SAR-ENT']).toEqual({ available: 14, status: 'in_stock' });
    expect(body.skus['HSG-TEF']).toEqual({ available: 2, status: 'low' });
    expect(body.skus['HSG-BRO-4']).toEqual({ available: 0, status: 'out_of_stock' });
    expect(body.skus['HSG-TQ-6']).toEqual({ available: 0, status: 'made_to_order' });
    expect(body.skus.NOPE).toEqual({ available: 0, status: 'out_of_stock' });

    const painter = await app.request(`/api/shops/${PAINTER}/availability?skus=EMR-BOL-NE`);
    const p = (await painter.json()) as { skus: Record<string, { status: string }> };
    expect(p.skus['EMR-BOL-NE']?.status).toBe('backorder');
  });

  it('follows stock documents as they change', async () => {
    await ctx.deps.store.update(`shops/${BAKERY}/stock/HSG-BAG`, { available: 1 });
    const res = await app.request(`/api/shops/${BAKERY}/availability?skus=HSG-BAG`);
    const body = (await res.json()) as {
      skus: Record<string, { available: number; status: string }>;
    };
    expect(body.skus['HSG-BAG']).toEqual({ available: 1, status: 'low' });
  });

  it('refuses an empty or oversized SKU list', async () => {
    expect((await app.request(`/api/shops/${BAKERY}/availability?skus=`)).status).toBe(400);
    const many = Array.from({ length: 101 }, (_, i) => `S${i}`).join(',');
    expect((await app.request(`/api/shops/${BAKERY}/availability?skus=${many}`)).status).toBe(400);
  });
});
