import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAdminApi } from '../../functions/apps/admin-api.ts';
import type { Product } from '../../shared/catalog/product.ts';
import { adminRequest, signIn } from '../support/admin-session.ts';
import { createTestDeps } from '../support/deps.ts';

const PRINT = {
  status: 'active',
  title: { es: 'Mar de Cádiz', en: 'Sea of Cádiz' },
  description: { es: 'Giclée sobre papel de algodón.' },
  taxClass: 'general',
  options: [
    { name: { es: 'Tamaño', en: 'Size' }, values: ['A4', 'A3'] },
    { name: { es: 'Marco', en: 'Frame' }, values: ['Sin marco', 'Roble'] },
  ],
  variants: [{ sku: 'TMP', optionValues: ['A4', 'Sin marco'], price: 4500 }],
};

describe('admin products', () => {
  let t: Awaited<ReturnType<typeof createTestDeps>>;
  let app: ReturnType<typeof createAdminApi>;
  let headers: Record<string, string>;

  beforeEach(async () => {
    t = await createTestDeps();
    app = createAdminApi(t.deps);
    headers = await signIn(t.deps, 'prints');
  });
  afterEach(async () => {
    await t.close();
  });

  const call = (method: string, path: string, body?: unknown) =>
    adminRequest(app, headers, method, path, body);

  it('generates 4 variants from 2 options × 2 values and saves them with stock at zero', async () => {
    const gen = await call('POST', '/api/admin/products/variants', {
      options: PRINT.options,
      basePrice: 4500,
      skuPrefix: 'CADIZ',
    });
    const { variants } = (await gen.json()) as { variants: Product['variants'] };
    expect(variants.map((v) => v.sku)).toEqual([
      'CADIZ-A4-SIN-MARCO',
      'CADIZ-A4-ROBLE',
      'CADIZ-A3-SIN-MARCO',
      'CADIZ-A3-ROBLE',
    ]);
    variants[3]!.price = 9900;

    const res = await call('POST', '/api/admin/products', { ...PRINT, variants });
    expect(res.status).toBe(201);
    const product = (await res.json()) as Product;
    expect(product.slug).toBe('mar-de-cadiz');
    const stock = await t.deps.store.query({ collection: 'shops/prints/stock' });
    expect(stock.map((s) => [s.id, s.data?.available, s.data?.productId]).sort()).toEqual(
      variants.map((v) => [v.sku, 0, product.id]).sort(),
    );
  });

  it('lists with search and status filter, and refuses a stale edit', async () => {
    const a = (await (await call('POST', '/api/admin/products', PRINT)).json()) as Product;
    await call('POST', '/api/admin/products', {
      ...PRINT,
      status: 'draft',
      title: { es: 'Nocturno' },
      variants: [{ sku: 'NOC', optionValues: ['A4', 'Roble'], price: 100 }],
    });
    const search = await (await call('GET', '/api/admin/products?q=cadiz%20')).json();
    expect(search).toMatchObject({ total: 1 });
    const bySku = (await (await call('GET', '/api/admin/products?q=noc')).json()) as {
      products: Product[];
    };
    expect(bySku.products.map((p) => p.slug)).toEqual(['nocturno']);
    const drafts = (await (await call('GET', '/api/admin/products?status=draft')).json()) as {
      total: number;
    };
    expect(drafts.total).toBe(1);

    t.clock.advance(1000);
    const edit = { ...PRINT, title: { es: 'Mar' }, expectedUpdatedAt: a.updatedAt };
    expect((await call('PUT', `/api/admin/products/${a.id}`, edit)).status).toBe(200);
    expect((await call('PUT', `/api/admin/products/${a.id}`, edit)).status).toBe(409);
  });

  it('refuses a SKU that belongs to another product', async () => {
    await call('POST', '/api/admin/products', PRINT);
    const res = await call('POST', '/api/admin/products', { ...PRINT, title: { es: 'Otro' } });
    expect(res.status).toBe(409);
  });

  it('hands the SKUs of a deleted product to the next product that uses them', async () => {
    const first = (await (await call('POST', '/api/admin/products', PRINT)).json()) as Product;
    await t.deps.store.update('shops/prints/stock/TMP', { available: 3 });
    expect((await call('DELETE', `/api/admin/products/${first.id}`)).status).toBe(204);
    const again = await call('POST', '/api/admin/products', { ...PRINT, title: { es: 'Otra' } });
    expect(again.status).toBe(201);
    const second = (await again.json()) as Product;
    const stock = await t.deps.store.get('shops/prints/stock/TMP');
    expect(stock.data).toMatchObject({ productId: second.id, available: 3 });
  });

  it('uploads an image to the shop media folder with its size and alt text', async () => {
    const product = (await (await call('POST', '/api/admin/products', PRINT)).json()) as Product;
    const file = join(import.meta.dirname, '../../functions/local/seed/images/mist-300.webp');
    const form = new FormData();
    form.set('file', new Blob([readFileSync(file)], { type: 'image/webp' }), 'mist.webp');
    form.set('altEs', 'Niebla sobre el mar');
    const res = await app.request(`/api/admin/products/${product.id}/images`, {
      method: 'POST',
      headers,
      body: form,
    });
    expect(res.status, await res.clone().text()).toBe(201);
    const saved = (await res.json()) as Product;
    const image = saved.images[0]!;
    expect(image).toMatchObject({ width: 300, height: 300, alt: { es: 'Niebla sobre el mar' } });
    expect(existsSync(join(t.dir, 'media', 'prints', image.src.slice('media/'.length)))).toBe(true);

    const served = await app.request(`/api/admin/${image.src}`, { headers });
    expect(served.headers.get('content-type')).toBe('image/webp');

    const text = new FormData();
    text.set('file', new Blob(['hello']), 'x.png');
    const bad = await app.request(`/api/admin/products/${product.id}/images`, {
      method: 'POST',
      headers,
      body: text,
    });
    expect(bad.status).toBe(415);

    const huge = new FormData();
    huge.set('file', new Blob([new Uint8Array(11 * 1024 * 1024)]), 'big.png');
    const tooBig = await app.request(`/api/admin/products/${product.id}/images`, {
      method: 'POST',
      headers,
      body: huge,
    });
    expect(tooBig.status).toBe(413);
  });
});
