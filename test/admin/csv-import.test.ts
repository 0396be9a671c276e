import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createAdminApi } from '../../functions/apps/admin-api.ts';
import { openMediaStorage } from '../../functions/media/open-media.ts';
import type { Product } from '../../shared/catalog/product.ts';
import { signIn } from '../support/admin-session.ts';
import { createTestDeps } from '../support/deps.ts';
import { csvOf, NEWER_HEADERS, OLDER_HEADERS, olderCatalog } from './fixtures/shopify-csv.ts';

const WEBP = readFileSync(
  join(import.meta.dirname, '../../functions/local/seed/images/mist-300.webp'),
);

interface Preview {
  id: string;
  headerSet: string;
  summary: Record<string, number>;
  errors: { row: number; column?: string; message: string }[];
  warnings: { row: number; message: string }[];
  status: string;
}

describe('Shopify CSV import and export', () => {
  let images: Server;
  let imageBase: string;
  let t: Awaited<ReturnType<typeof createTestDeps>>;
  let app: ReturnType<typeof createAdminApi>;
  let headers: Record<string, string>;

  beforeAll(async () => {
    images = createServer((req, res) => {
      // Stands in for published sites too: `/s/{shopId}/media/{name}` from the shop's media.
      const site = /^\/s\/([\w-]+)\/media\/([\w.-]+)$/.exec(req.url ?? '');
      if (site) {
        void openMediaStorage(t.deps)
          .get(site[1]!, site[2]!)
          .then((found) =>
            found
              ? res.writeHead(200, { 'content-type': found.contentType }).end(found.bytes)
              : res.writeHead(404).end(),
          );
        return;
      }
      if (req.url?.includes('missing')) return void res.writeHead(404).end();
      res.writeHead(200, { 'content-type': 'image/webp' }).end(WEBP);
    });
    await new Promise<void>((r) => images.listen(0, '127.0.0.1', r));
    imageBase = `http://127.0.0.1:${(images.address() as AddressInfo).port}/cdn`;
  });
  afterAll(() => new Promise<void>((r) => images.close(() => r())));
  beforeEach(async () => {
    t = await createTestDeps({ env: { PUBLIC_BASE_URL: new URL(imageBase).origin } });
    app = createAdminApi(t.deps);
    headers = await signIn(t.deps, 'bakery');
  });
  afterEach(async () => {
    await t.close();
  });

  async function preview(csv: string, taxClass = 'reduced'): Promise<Preview> {
    const res = await app.request(`/api/admin/imports?taxClass=${taxClass}`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'text/csv' },
      body: csv,
    });
    expect(res.status).toBe(201);
    return (await res.json()) as Preview;
  }
  async function apply(id: string) {
    const res = await app.request(`/api/admin/imports/${id}/apply`, { method: 'POST', headers });
    expect(res.status).toBe(200);
    return (await res.json()) as Preview & { progress: { done: number; total: number } };
  }
  async function products(): Promise<Product[]> {
    const snaps = await t.deps.store.query({ collection: 'shops/bakery/products' });
    return snaps.map((s) => s.data as Product).sort((a, b) => a.slug.localeCompare(b.slug));
  }
  async function exportCsv(): Promise<string> {
    const res = await app.request('/api/admin/exports/products.csv', { headers });
    expect(res.headers.get('content-type')).toMatch(/text\/csv/);
    return res.text();
  }

  it('imports 500 products with older headers: variants, images, stock', {
    timeout: 120_000,
  }, async () => {
    const started = performance.now();
    const dry = await preview(olderCatalog(500, imageBase));
    expect(dry.headerSet).toBe('older');
    expect(dry.errors).toEqual([]);
    expect(dry.summary).toMatchObject({ products: 500, variants: 1000, images: 550, creates: 500 });
    expect(await products()).toHaveLength(0);

    const done = await apply(dry.id);
    expect(done).toMatchObject({ status: 'applied', progress: { done: 500, total: 500 } });
    expect(done.warnings).toEqual([]);
    const all = await products();
    expect(all).toHaveLength(500);
    const p7 = all.find((p) => p.slug === 'product-007')!;
    expect(p7).toMatchObject({
      status: 'active',
      title: { es: 'Producto 7' },
      description: { es: 'Hecho a mano, **lote 7**.' },
      collections: ['panes'],
      tags: ['sin gluten', 'artesano'],
      taxClass: 'reduced',
      options: [{ name: { es: 'Size' }, values: ['S', 'M'] }],
    });
    expect(p7.variants).toEqual([
      { sku: 'SKU-7-S', optionValues: ['S'], price: 550, weightGrams: 250 },
      { sku: 'SKU-7-M', optionValues: ['M'], price: 595, weightGrams: 500 },
    ]);
    expect(p7.images[0]).toMatchObject({ width: 300, height: 300, alt: { es: 'Foto 7' } });
    expect(all.find((p) => p.slug === 'product-010')!.images).toHaveLength(2);

    const stock = await t.deps.store.get('shops/bakery/stock/SKU-7-M');
    expect(stock.data).toMatchObject({ available: 1, productId: p7.id });
    const ledger = await t.deps.store.query({ collection: 'shops/bakery/ledger' });
    expect(ledger.every((e) => e.data?.reason === 'import')).toBe(true);
    console.log(`500-product import: ${Math.round(performance.now() - started)} ms`);
  });

  it('imports a file with the newer headers and three options', async () => {
    const rows = ['Blanco', 'Negro'].flatMap((frame, f) =>
      ['A4', 'A3'].map((size, s) => ({
        'URL handle': 'mar-de-cadiz',
        ...(f + s === 0
          ? {
              Title: 'Mar de Cádiz',
              Description: '<p>Giclée.</p><ul><li>Algodón</li><li>Firmado</li></ul>',
              'Option1 name': 'Tamaño',
              'Option2 name': 'Marco',
              'Option3 name': 'Paspartú',
              Status: 'Draft',
              'Product image URL': `${imageBase}/cadiz.webp`,
              'Image alt text': 'Olas',
            }
          : {}),
        'Option1 value': size,
        'Option2 value': frame,
        'Option3 value': 'Sí',
        SKU: `CADIZ-${size}-${frame.toUpperCase()}`,
        Price: s ? '120.00' : '80,00',
        'Compare-at price': s ? '150.00' : '',
        'Inventory quantity': String(2 * f + s),
        'Continue selling when out of stock': 'CONTINUE',
        'Weight value (grams)': '900',
      })),
    );
    const dry = await preview(csvOf(NEWER_HEADERS, rows), 'general');
    expect(dry.headerSet).toBe('newer');
    expect(dry.errors).toEqual([]);
    await apply(dry.id);
    const [p] = await products();
    expect(p).toMatchObject({
      slug: 'mar-de-cadiz',
      status: 'draft',
      backorder: 'allow',
      description: { es: 'Giclée.\n\n- Algodón\n- Firmado' },
      options: [
        { name: { es: 'Tamaño' }, values: ['A4', 'A3'] },
        { name: { es: 'Marco' }, values: ['Blanco', 'Negro'] },
        { name: { es: 'Paspartú' }, values: ['Sí'] },
      ],
    });
    expect(p!.variants.map((v) => [v.sku, v.price, v.compareAtPrice])).toEqual([
      ['CADIZ-A4-BLANCO', 8000, undefined],
      ['CADIZ-A3-BLANCO', 12000, 15000],
      ['CADIZ-A4-NEGRO', 8000, undefined],
      ['CADIZ-A3-NEGRO', 12000, 15000],
    ]);
    expect(p!.images).toHaveLength(1);
    expect(p!.images[0]).toMatchObject({ width: 300, height: 300, alt: { es: 'Olas' } });
    const stock = await t.deps.store.get('shops/bakery/stock/CADIZ-A3-NEGRO');
    expect(stock.data?.available).toBe(3);
  });

  it('reports malformed rows by number and applies nothing until confirmed', async () => {
    const base = { 'Option1 Name': 'Title', 'Option1 Value': 'Default Title', Published: 'TRUE' };
    const csv = csvOf(OLDER_HEADERS, [
      { ...base, Handle: 'pan', Title: 'Pan', 'Variant SKU': 'PAN', 'Variant Price': '3.50' },
      {
        ...base,
        Handle: 'bizcocho',
        Title: 'Bizcocho',
        'Variant SKU': 'BIZ',
        'Variant Price': 'tres',
      },
      { ...base, Handle: '', Title: 'Sin handle', 'Variant SKU': 'X', 'Variant Price': '1' },
      { ...base, Handle: 'tarta', Title: 'Tarta', 'Variant SKU': 'PAN', 'Variant Price': '20' },
      {
        ...base,
        Handle: 'magdalenas',
        Title: 'Magdalenas',
        'Variant SKU': 'MAG 6',
        'Variant Price': '4',
      },
      {
        ...base,
        Handle: 'galletas',
        Title: 'Galletas',
        'Variant SKU': 'GAL',
        'Variant Price': '2',
      },
    ]);
    const dry = await preview(csv);
    expect(dry.errors.map((e) => [e.row, e.column])).toEqual([
      [3, 'Variant Price'],
      [4, 'Handle'],
      [5, 'Variant SKU'],
      [6, 'Variant SKU'],
    ]);
    expect(dry.errors[2]!.message).toBe('SKU PAN is also on row 2.');
    expect(dry.summary).toMatchObject({ rows: 6, products: 2 });
    expect(await products()).toHaveLength(0);
    expect(await t.deps.store.query({ collection: 'shops/bakery/stock' })).toHaveLength(0);

    await apply(dry.id);
    expect((await products()).map((p) => p.slug)).toEqual(['galletas', 'pan']);
    const again = await app.request(`/api/admin/imports/${dry.id}/apply`, {
      method: 'POST',
      headers,
    });
    expect(again.status).toBe(409);
  });

  it('reports an unreadable file and a file without Shopify headers on row 1', async () => {
    expect((await preview('a,b\n1,2\n')).errors).toEqual([
      { row: 1, message: 'The first row must hold Shopify headers, with Handle and Title.' },
    ]);
    const broken = await preview('Handle,Title\n"pan,Pan\n');
    expect(broken.errors[0]!.message).toMatch(/not valid CSV/);
  });

  it('exports the catalog and re-imports it to an equal catalog', { timeout: 60_000 }, async () => {
    await apply((await preview(olderCatalog(40, imageBase))).id);
    const before = await products();
    const ledgerBefore = await t.deps.store.query({ collection: 'shops/bakery/ledger' });
    const csv = await exportCsv();

    t.clock.advance(60_000);
    const dry = await preview(csv);
    expect(dry.errors).toEqual([]);
    expect(dry.summary).toMatchObject({ products: 40, creates: 0, updates: 40 });
    const done = await apply(dry.id);
    expect(done.warnings).toEqual([]);

    const strip = (list: Product[]) => list.map(({ updatedAt: _u, ...rest }) => rest);
    expect(strip(await products())).toEqual(strip(before));
    expect(await exportCsv()).toBe(csv);
    const ledger = await t.deps.store.query({ collection: 'shops/bakery/ledger' });
    expect(ledger).toHaveLength(ledgerBefore.length);
  });

  it('exports a catalog that imports into an empty shop as the same catalog', async () => {
    await apply((await preview(olderCatalog(30, imageBase))).id);
    const csv = await exportCsv();
    expect(csv).toContain(`${new URL(imageBase).origin}/s/bakery/media/import-`);
    const other = await signIn(t.deps, 'taller');
    const res = await app.request('/api/admin/imports?taxClass=reduced', {
      method: 'POST',
      headers: { ...other, 'content-type': 'text/csv' },
      body: csv,
    });
    const dry = (await res.json()) as Preview;
    expect(dry.errors).toEqual([]);
    expect(dry.summary).toMatchObject({ products: 30, creates: 30, updates: 0 });
    const applied = await app.request(`/api/admin/imports/${dry.id}/apply`, {
      method: 'POST',
      headers: other,
    });
    expect(applied.status).toBe(200);
    expect(((await applied.json()) as Preview).warnings).toEqual([]);

    const catalog = async (shopId: string) => {
      const snaps = await t.deps.store.query<Product>({ collection: `shops/${shopId}/products` });
      return snaps
        .map((s) => s.data!)
        .map(({ id: _i, createdAt: _c, updatedAt: _u, images, ...rest }) => ({
          ...rest,
          images: images.map(({ src: _s, ...image }) => image),
        }))
        .sort((a, b) => a.slug.localeCompare(b.slug));
    };
    expect(await catalog('taller')).toEqual(await catalog('bakery'));
    const stock = async (shopId: string) =>
      (await t.deps.store.query<{ available: number }>({ collection: `shops/${shopId}/stock` }))
        .map((s) => [s.path.split('/').at(-1), s.data!.available])
        .sort();
    expect(await stock('taller')).toEqual(await stock('bakery'));
  });
});
