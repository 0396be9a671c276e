import { parse as parseCsv } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalStack } from '../../functions/local/stack.ts';
import { startTestStack } from '../support/stack.ts';

/**
 * The published demo storefronts as a crawler sees them: structured data on every product
 * page, feeds covering every active variant, sitemap, robots and language alternates.
 */
let stack: LocalStack;
const SHOPS = ['horno-sin-gluten', 'estudio-marina-rey'];

beforeAll(async () => {
  stack = await startTestStack({ timers: false });
});
afterAll(() => stack?.close());

async function text(url: string): Promise<string> {
  const res = await fetch(url);
  expect(res.status, url).toBe(200);
  return res.text();
}

function jsonLd(html: string): Record<string, unknown>[] {
  return [...html.matchAll(/<script type="application\/ld\+json">(.*?)<\/script>/gs)].map(
    (m) => JSON.parse(m[1]!) as Record<string, unknown>,
  );
}

/** Transferred size of a response body, as the server sends it to a browser. */
async function compressedBytes(url: string | URL): Promise<{ bytes: number; encoding: string }> {
  const { get } = await import('node:http');
  return new Promise((resolve, reject) => {
    get(url, { headers: { 'accept-encoding': 'br, gzip' } }, (res) => {
      let bytes = 0;
      res.on('data', (chunk: Buffer) => (bytes += chunk.length));
      res.on('end', () => resolve({ bytes, encoding: String(res.headers['content-encoding']) }));
    }).on('error', reject);
  });
}

async function productUrls(shopId: string): Promise<string[]> {
  const sitemap = await text(`${stack.shops[shopId]}sitemap.xml`);
  return [...sitemap.matchAll(/<loc>([^<]+\/products\/[^<]+)<\/loc>/g)].map((m) => m[1]!);
}

async function activeVariants(shopId: string) {
  const products = await stack.deps.store.query<{ status: string; variants: { sku: string }[] }>({
    collection: `shops/${shopId}/products`,
  });
  return products.filter((p) => p.data!.status === 'active').flatMap((p) => p.data!.variants);
}

interface Offer {
  price: string;
  priceCurrency: string;
  availability: string;
  sku: string;
}
interface ProductLd {
  '@type': string;
  name: string;
  image: string[];
  sku: string;
  offers: Offer;
}

describe.each(SHOPS)('storefront of %s', (shopId) => {
  it('has JSON-LD with name, image, sku and offer on every product page', async () => {
    const urls = await productUrls(shopId);
    expect(urls.length).toBeGreaterThanOrEqual(24);
    for (const url of urls) {
      const blocks = jsonLd(await text(url));
      const types = blocks.map((b) => b['@type']);
      expect(types, url).toEqual(expect.arrayContaining(['BreadcrumbList', 'Organization']));
      const product = blocks.find(
        (b) => b['@type'] === 'Product' || b['@type'] === 'ProductGroup',
      )!;
      expect(product, url).toBeDefined();
      const variants =
        product['@type'] === 'ProductGroup'
          ? (product.hasVariant as ProductLd[])
          : [product as unknown as ProductLd];
      expect(product.name, url).toBeTruthy();
      for (const v of variants) {
        expect(v.name, url).toBeTruthy();
        expect(v.image[0], url).toMatch(/^http:\/\/.+\.webp$/);
        expect(v.sku, url).toBeTruthy();
        expect(v.offers.sku).toBe(v.sku);
        expect(v.offers.price, url).toMatch(/^\d+\.\d{2}$/);
        expect(v.offers.priceCurrency).toBe('EUR');
        expect(v.offers.availability).toMatch(
          /^https:\/\/schema\.org\/(InStock|OutOfStock|MadeToOrder|BackOrder)$/,
        );
      }
    }
  });

  it('declares canonical, hreflang alternates and Open Graph on a product page', async () => {
    const [url] = await productUrls(shopId);
    const html = await text(url!);
    expect(html).toContain(`<link rel="canonical" href="${url}">`);
    expect(html).toMatch(/<link rel="alternate" hreflang="es" href="[^"]+">/);
    expect(html).toMatch(/<link rel="alternate" hreflang="en" href="[^"]+\/en\/products\/[^"]+">/);
    expect(html).toMatch(/<meta property="og:image" content="http[^"]+\.webp">/);
    expect(html).toContain('<meta property="og:type" content="product">');
  });

  it('lists every active variant in the Google Merchant feed with its required fields', async () => {
    const xml = await text(`${stack.shops[shopId]}feeds/google-merchant.xml`);
    const items = [...xml.matchAll(/<item>(.*?)<\/item>/gs)].map((m) => m[1]!);
    const field = (item: string, name: string) =>
      new RegExp(`<g:${name}>([^<]*)</g:${name}>`).exec(item)?.[1];
    const skus = (await activeVariants(shopId)).map((v) => v.sku).sort();
    expect(items.map((i) => field(i, 'id')).sort()).toEqual(skus);
    for (const item of items) {
      for (const name of [
        'id',
        'title',
        'description',
        'link',
        'image_link',
        'availability',
        'price',
        'condition',
        'brand',
      ]) {
        expect(field(item, name), `${name} in ${item.slice(0, 80)}`).toBeTruthy();
      }
      expect(field(item, 'price')).toMatch(/^\d+\.\d{2} EUR$/);
      expect(field(item, 'availability')).toMatch(/^(in_stock|out_of_stock|backorder)$/);
    }
  });

  it('lists every active variant in the Meta catalog CSV with its required fields', async () => {
    const csv = await text(`${stack.shops[shopId]}feeds/meta-catalog.csv`);
    const rows = parseCsv(csv, { columns: true }) as Record<string, string>[];
    const skus = (await activeVariants(shopId)).map((v) => v.sku).sort();
    expect(rows.map((r) => r.id).sort()).toEqual(skus);
    for (const row of rows) {
      for (const name of [
        'id',
        'title',
        'description',
        'availability',
        'condition',
        'price',
        'link',
        'image_link',
        'brand',
      ]) {
        expect(row[name], `${name} of ${row.id}`).toBeTruthy();
      }
      expect(row.availability).toMatch(/^(in stock|out of stock|available for order)$/);
    }
  });

  it('serves robots.txt pointing at the sitemap, and a 404 page for unknown paths', async () => {
    const robots = await text(`${stack.shops[shopId]}robots.txt`);
    expect(robots).toContain(`Sitemap: ${stack.shops[shopId]}sitemap.xml`);
    const missing = await fetch(`${stack.shops[shopId]}no-such-page/`);
    expect(missing.status).toBe(404);
    expect(await missing.text()).toContain('Página no encontrada');
  });

  it('serves the product page compressed, at most 30 KB with its CSS and JS', async () => {
    const [url] = await productUrls(shopId);
    const html = await compressedBytes(url!);
    expect(html.encoding).toBe('br');
    const page = await text(url!);
    const scripts = [...page.matchAll(/<script[^>]+src="([^"]+)"/g)].map((m) => m[1]!);
    const styles = [...page.matchAll(/<link[^>]+rel="stylesheet"[^>]+href="([^"]+)"/g)];
    const assets = await Promise.all(
      [...scripts, ...styles.map((m) => m[1]!)].map((src) => compressedBytes(new URL(src, url!))),
    );
    const total = html.bytes + assets.reduce((sum, a) => sum + a.bytes, 0);
    expect(html.bytes).toBeLessThan(Buffer.byteLength(page) / 2);
    expect(total).toBeLessThanOrEqual(30 * 1024);
  });

  it('asks no other origin for anything: scripts, styles, images and fonts are its own', async () => {
    const sitemap = await text(`${stack.shops[shopId]}sitemap.xml`);
    const origin = new URL([...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)][0]![1]!).origin;
    const own = new URL(stack.shops[shopId]!);
    const pages = [
      stack.shops[shopId]!,
      `${stack.shops[shopId]}en/cart`,
      ...(await productUrls(shopId)),
    ];
    let checked = 0;
    for (const page of pages.map((p) => p.replace(origin, own.origin))) {
      const html = await text(page);
      const fetched = [
        ...html.matchAll(/<(?:script|img|source|iframe)\b[^>]*?\s(?:src|srcset)="([^"]+)"/g),
        ...html.matchAll(/<link\b(?![^>]*rel="(?:canonical|alternate)")[^>]*?href="([^"]+)"/g),
        ...html.matchAll(/url\(\s*['"]?([^'")]+)/g),
      ]
        .map((m) => m[1]!)
        // Inline data (the favicon) is no request; a srcset lists candidates by commas.
        .filter((value) => !value.startsWith('data:'))
        .flatMap((value) => value.split(',').map((part) => part.trim().split(/\s+/)[0]!));
      for (const src of fetched) {
        expect(new URL(src, page).origin, `${page} loads ${src}`).toBe(own.origin);
      }
      checked += fetched.length;
    }
    // Every page has at least its scripts and a product image: the scan saw real requests.
    expect(checked).toBeGreaterThan(pages.length * 2);
  });

  it('publishes the four legal pages in both languages from the shop settings', async () => {
    const shop = (
      await stack.deps.store.get<{ legal: { legalName: string; taxId: string } }>(`shops/${shopId}`)
    ).data!;
    for (const doc of ['notice', 'privacy', 'terms', 'cookies']) {
      for (const prefix of ['', 'en/']) {
        const html = await text(`${stack.shops[shopId]}${prefix}legal/${doc}`);
        expect(html).toContain(`lang="${prefix ? 'en' : 'es'}"`);
        if (doc === 'notice' || doc === 'privacy') {
          expect(html).toContain(shop.legal.legalName);
          expect(html).toContain(shop.legal.taxId);
        }
      }
    }
  });
});

describe('bakery product page', () => {
  it('shows ingredients, allergens, net quantity and lead time before purchase', async () => {
    const html = await text(`${stack.shops['horno-sin-gluten']}products/tarta-de-queso`);
    expect(html).toContain('Ingredientes');
    expect(html).toContain('<strong class="allergen">Leche</strong>');
    expect(html).toContain('<strong class="allergen">Huevos</strong>');
    expect(html).toContain('900 g / 1,5 kg');
    expect(html).toContain('Se prepara por encargo en 2 días.');
  });
});

describe('painter product page', () => {
  it('shows the edition size and how many are left', async () => {
    const html = await text(`${stack.shops['estudio-marina-rey']}en/products/mar-de-cadiz`);
    expect(html).toContain('Limited edition of 50.');
    expect(html).toContain('23 of 50 left.');
  });
});
