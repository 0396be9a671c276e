import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMember } from '../../functions/admin/auth/add-member.ts';
import { DEMO_SHOP_IDS } from '../../functions/local/seed/seed-demo-shops.ts';
import { axeViolations, launchChromium } from '../support/browser.ts';
import { startTestStack } from '../support/stack.ts';

const IMAGE = join(import.meta.dirname, '../../functions/local/seed/images/sea-of-cadiz-300.webp');
const OWNER = 'owner@painter.example';
const text = (s: string | null) => (s ?? '').replace(/\s+/g, ' ');

/**
 * The merchant's path through the admin on the real local stack in Chromium: magic link from
 * the local mailbox, a product with 2 options × 2 values and an image, publish, the storefront
 * page with the right prices, a stock adjustment in the ledger; then axe on three screens.
 */
describe('admin in the browser', () => {
  let stack: Awaited<ReturnType<typeof startTestStack>>;
  let browser: Browser;
  let page: Page;
  let shopId: string;
  let productId: string;

  beforeAll(async () => {
    stack = await startTestStack({ timers: false });
    shopId = DEMO_SHOP_IDS[1]!;
    await addMember(stack.deps, { shopId, email: OWNER, role: 'owner' });
    browser = await launchChromium();
    page = await browser.newPage({ bypassCSP: true });
    page.on('pageerror', (error) => console.error('page error', error.message));
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.close();
  });

  const ready = () => page.waitForSelector('body[data-ready="true"]', { timeout: 20_000 });
  const status = () => page.locator('#status');

  it('signs in with a link opened from the local mailbox', async () => {
    await page.goto(`${stack.url}/admin/`);
    await page.waitForURL(/sign-in\.html/);
    await page.getByLabel('Correo electrónico').fill(OWNER);
    await page.getByRole('button', { name: 'Enviarme un enlace' }).click();
    await expect
      .poll(() => status().textContent(), { timeout: 20_000 })
      .toMatch(/te hemos enviado un enlace/);

    await page.goto(`${stack.url}/mailbox`);
    await page.getByRole('link', { name: 'Tu enlace para entrar en Kontá' }).first().click();
    const body = await page.locator('pre').first().textContent();
    const link = /(http\S+sign-in\.html\?token=[\w-]+)/.exec(body ?? '')?.[1];
    expect(link).toBeDefined();

    await page.goto(link!);
    await page.getByRole('button', { name: 'Entrar' }).click();
    await page.waitForURL(/\/admin\/index\.html/);
    await ready();
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Resumen');
  }, 90_000);

  it('creates a product with 2 options × 2 values (4 variants) and an image', async () => {
    await page.goto(`${stack.url}/admin/product.html`);
    await ready();
    await page.getByLabel('Título (español)').fill('Marea de prueba');
    await page.getByLabel('Estado').selectOption('active');
    await page.getByLabel('Nombre de la opción 1').fill('Tamaño');
    await page.getByLabel('Valores de la opción 1 (separados por comas)').fill('A4, A3');
    await page.getByLabel('Nombre de la opción 2').fill('Marco');
    await page.getByLabel('Valores de la opción 2 (separados por comas)').fill('Sin marco, Roble');
    await page.getByLabel('Precio base (€, IVA incluido)').fill('45');
    await page.getByLabel('Prefijo de SKU').fill('MAREA');
    await page.getByRole('button', { name: 'Generar variantes' }).click();
    await expect
      .poll(() => status().textContent(), { timeout: 20_000 })
      .toBe('4 variantes generadas.');
    await page.getByLabel('Precio (€) A3 / Roble').fill('99,00');
    await page.getByRole('button', { name: 'Guardar' }).click();
    await page.waitForURL(/product\.html\?id=/);
    await ready();
    productId = new URL(page.url()).searchParams.get('id')!;

    await page.getByLabel('Imagen (JPEG, PNG o WebP, hasta 10 MB)').setInputFiles(IMAGE);
    await page
      .locator('.upload')
      .getByLabel('Texto alternativo (español)')
      .fill('Olas en la orilla');
    await page.getByRole('button', { name: 'Subir imagen' }).click();
    await expect.poll(() => status().textContent(), { timeout: 20_000 }).toBe('Imagen subida.');
    const uploaded = page.getByRole('img', { name: 'Olas en la orilla' });
    await expect.poll(() => uploaded.count(), { timeout: 20_000 }).toBe(1);

    const saved = (await stack.deps.store.get(`shops/${shopId}/products/${productId}`)).data as {
      variants: { sku: string; price: number }[];
      images: unknown[];
    };
    expect(saved.variants.map((v) => [v.sku, v.price])).toEqual([
      ['MAREA-A4-SIN-MARCO', 4500],
      ['MAREA-A4-ROBLE', 4500],
      ['MAREA-A3-SIN-MARCO', 4500],
      ['MAREA-A3-ROBLE', 9900],
    ]);
    expect(saved.images).toHaveLength(1);
  }, 90_000);

  it('publishes, and the storefront shows the product with its prices', async () => {
    await page.goto(`${stack.url}/admin/index.html`);
    await ready();
    await page.getByRole('button', { name: 'Publicar ahora' }).click();
    await expect
      .poll(() => page.locator('#publish-progress').textContent(), { timeout: 120_000 })
      .toMatch(/^Publicada: \d+ productos/);
    await expect
      .poll(() => page.locator('#last-publish').textContent(), { timeout: 20_000 })
      .toMatch(/^Última publicación/);

    const res = await page.goto(`${stack.url}/s/${shopId}/products/marea-de-prueba`);
    expect(res?.status()).toBe(200);
    const content = text(await page.locator('body').textContent());
    expect(content).toContain('Marea de prueba');
    expect(content).toMatch(/45,00\s€/);
    expect(content).toMatch(/99,00\s€/);
    expect(await page.locator('img[src*="media/"]').count()).toBeGreaterThan(0);
  }, 180_000);

  it('adjusts stock and shows the adjustment in the ledger', async () => {
    await page.goto(`${stack.url}/admin/inventory.html`);
    await ready();
    await page.getByLabel('SKU').selectOption('MAREA-A3-ROBLE');
    await page.getByLabel('Cambio (+ entra, − sale)').fill('5');
    await page.getByLabel('Motivo').selectOption('adjustment');
    await page.getByLabel('Nota').fill('recuento de diciembre');
    await page.getByRole('button', { name: 'Aplicar ajuste' }).click();
    await expect
      .poll(() => status().textContent(), { timeout: 20_000 })
      .toBe('Stock de MAREA-A3-ROBLE ajustado.');
    const ledger = page.getByRole('table', { name: 'Movimientos' });
    const row = ledger.getByRole('row').filter({ hasText: 'recuento de diciembre' });
    await expect.poll(() => row.count(), { timeout: 20_000 }).toBe(1);
    expect(text(await row.textContent())).toMatch(/MAREA-A3-ROBLE\s*\+5\s*adjustment/);
    await expect
      .poll(() => page.locator('td[data-sku="MAREA-A3-ROBLE"]').textContent(), { timeout: 20_000 })
      .toBe('5');
  }, 90_000);

  it('imports a Shopify CSV: errors by row first, products only after confirming', async () => {
    const csv = [
      'Handle,Title,Option1 Name,Option1 Value,Variant SKU,Variant Price,Variant Inventory Qty,Published',
      'postal-olas,Postal olas,Title,Default Title,POSTAL-OLAS,3.00,12,TRUE',
      'postal-rota,Postal rota,Title,Default Title,POSTAL-ROTA,gratis,1,TRUE',
    ].join('\n');
    await page.goto(`${stack.url}/admin/import.html`);
    await ready();
    await page.getByLabel('Archivo CSV exportado de Shopify').setInputFiles({
      name: 'products.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(csv),
    });
    await page.getByRole('button', { name: 'Revisar el archivo' }).click();
    const errors = page.getByRole('table', { name: 'Filas con errores (no se importarán)' });
    await expect.poll(() => errors.count(), { timeout: 20_000 }).toBe(1);
    expect(text(await errors.textContent())).toContain('3Variant Price"gratis" is not a price.');
    const before = await stack.deps.store.query({
      collection: `shops/${shopId}/products`,
      where: [{ field: 'slug', op: '==', value: 'postal-olas' }],
    });
    expect(before).toHaveLength(0);

    await page.getByRole('button', { name: 'Confirmar e importar' }).click();
    await expect
      .poll(() => status().textContent(), { timeout: 20_000 })
      .toBe('Importación terminada. Productos importados: 1.');
    const stock = await stack.deps.store.get(`shops/${shopId}/stock/POSTAL-OLAS`);
    expect(stock.data?.available).toBe(12);
  }, 90_000);

  it('saves settings sections and shows saved Stripe secrets only masked', async () => {
    await page.goto(`${stack.url}/admin/settings.html`);
    await ready();
    const profile = page.getByRole('form', { name: 'Perfil de la tienda' });
    await profile.getByLabel('Teléfono').fill('+34 600 000 000');
    await profile.getByRole('button', { name: 'Guardar' }).click();
    await expect
      .poll(() => status().textContent(), { timeout: 20_000 })
      .toBe('Perfil de la tienda: Guardado.');
    const shop = await stack.deps.store.get(`shops/${shopId}`);
    expect(shop.data?.phone).toBe('+34 600 000 000');

    const stripe = page.getByRole('form', { name: 'Claves de Stripe' });
    await stripe.getByLabel('Clave publicable').fill('pk_test_51Abcdefgh');
    await stripe.getByLabel('Clave secreta').fill('sk_test_51VerySecret4321');
    await stripe.getByRole('button', { name: 'Guardar' }).click();
    await page.waitForLoadState('load');
    await ready();
    // The masked hint appears when the form re-reads the saved keys.
    const form = page.getByRole('form', { name: 'Claves de Stripe' });
    await expect.poll(() => form.textContent(), { timeout: 20_000 }).toContain('sk_test_…4321');
    expect(await page.content()).not.toContain('VerySecret');
  }, 90_000);

  it('has no axe violations on the dashboard, product edit and order pages', async () => {
    const orderId = await seedOrder(stack, shopId);
    const pages = [
      'index.html',
      `product.html?id=${productId}`,
      `order.html?id=${orderId}`,
      'products.html',
      'inventory.html',
      'orders.html',
      'import.html',
      'settings.html',
    ];
    const results: Record<string, string[]> = {};
    for (const path of pages) {
      await page.goto(`${stack.url}/admin/${path}`);
      await ready();
      const violations = await axeViolations(page);
      results[path] = violations.map((v) => `${v.id}: ${v.help} ${JSON.stringify(v.nodes)}`);
    }
    expect(results).toEqual(Object.fromEntries(pages.map((p) => [p, []])));

    await page.goto(`${stack.url}/admin/order.html?id=${orderId}`);
    await ready();
    await page.getByRole('button', { name: 'Pasar a «En producción»' }).click();
    await expect
      .poll(() => page.locator('#order-status').textContent(), { timeout: 20_000 })
      .toBe('En producción');
    const invoice = await page.request.get(`${stack.url}/api/admin/orders/${orderId}/invoice`);
    expect(invoice.status()).toBe(200);
    expect(await invoice.text()).toContain('PR-1001');
  }, 120_000);

  it('is usable in English and with the keyboard alone', async () => {
    await page.goto(`${stack.url}/admin/index.html`);
    await ready();
    await page.getByLabel('Idioma').selectOption('en');
    // The page reloads in English; until it has, the old one is still loaded and ready.
    const heading = page.getByRole('heading', { level: 1 });
    await expect.poll(() => heading.textContent(), { timeout: 20_000 }).toBe('Dashboard');
    await ready();

    await page.goto(`${stack.url}/admin/products.html`);
    await ready();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to content');
    await page.keyboard.press('Enter');
    await page.getByLabel('Search').focus();
    await page.keyboard.type('prueba');
    await page.keyboard.press('Enter');
    await expect
      .poll(() => page.locator('#results').textContent(), { timeout: 20_000 })
      .toMatch(/^1 products/);
    await page.getByLabel('Language').selectOption('es');
  }, 90_000);
});

async function seedOrder(stack: Awaited<ReturnType<typeof startTestStack>>, shopId: string) {
  const at = new Date().toISOString();
  const id = 'o_browser_1';
  await stack.deps.store.set(`shops/${shopId}/orders/${id}`, {
    id,
    shopId,
    number: 'PR-1001',
    status: 'paid',
    lines: [
      {
        sku: 'MAREA-A3-ROBLE',
        productId: 'p',
        title: 'Marea de prueba',
        variantLabel: 'A3 / Roble',
        quantity: 1,
        unitPrice: 9900,
        taxRate: 21,
        net: 8182,
        vat: 1718,
        total: 9900,
      },
    ],
    totals: {
      subtotal: 9900,
      shipping: 0,
      total: 9900,
      byRate: [{ rate: 21, net: 8182, vat: 1718, total: 9900 }],
    },
    currency: 'EUR',
    customer: { name: 'Lucía Pérez', email: 'lucia@example.com', locale: 'es' },
    fulfilment: {
      method: 'shipping',
      methodId: 'envio',
      methodName: 'Envío',
      address: { line1: 'Calle Mayor 1', city: 'Cádiz', postalCode: '11001', country: 'ES' },
    },
    payment: { method: 'bank_transfer', status: 'paid', refunded: 0 },
    reservation: { status: 'committed', expiresAt: null },
    holdExpiresAt: null,
    newsletter: false,
    statusToken: 'x'.repeat(40),
    history: [{ at, status: 'paid', who: 'test' }],
    createdAt: at,
    updatedAt: at,
    paidAt: at,
  });
  return id;
}
