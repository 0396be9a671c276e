import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_SHOP_IDS } from '../../functions/local/seed/seed-demo-shops.ts';
import { signInMember } from '../support/admin-session.ts';
import { axeViolations, launchChromium } from '../support/browser.ts';
import { type Standin, startStandin } from '../support/odoo-standin/start-standin.ts';
import { startTestStack } from '../support/stack.ts';

const text = (s: string | null) => (s ?? '').replace(/\s+/g, ' ');

/**
 * The Odoo and production screens in Chromium on the local stack, against the Python stand-in
 * for Odoo: a wrong key gets the actionable message, the right one connects, a product push
 * shows in the sync log; an ingredient and a recipe make a batch that raises the finished
 * stock, and a batch beyond the ingredients lists what is missing. Then axe on both pages.
 * The member signs in with a session cookie (the magic link has its own browser test).
 */
describe('admin Odoo and production screens in the browser', () => {
  let stack: Awaited<ReturnType<typeof startTestStack>>;
  let odoo: Standin;
  let browser: Browser;
  let page: Page;
  const shopId = DEMO_SHOP_IDS[0]!;

  beforeAll(async () => {
    [stack, odoo, browser] = await Promise.all([
      startTestStack({ timers: false }),
      startStandin({ odooVersion: 17 }),
      launchChromium(),
    ]);
    const member = await signInMember(stack.deps, shopId, 'owner');
    const [name, value] = member.headers.cookie!.split('=') as [string, string];
    const context = await browser.newContext({ bypassCSP: true });
    await context.addCookies([{ name, value, url: stack.url }]);
    page = await context.newPage();
    page.on('pageerror', (error) => console.error('page error', error.message));
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await odoo?.stop();
    // Mailer first: the capture SMTP server's close waits up to 30 s for a pooled connection.
    await stack?.deps.mailer.close();
    await stack?.close();
  });

  const ready = () => page.waitForSelector('body[data-ready="true"]', { timeout: 20_000 });
  const status = () => page.locator('#status');
  const drainOutbox = () => fetch(`${stack.url}/jobs/outbox/drain`, { method: 'POST' });

  it('configures Odoo: wrong key explained and dead-lettered, right key connects, retry and push show in the log', async () => {
    await page.goto(`${stack.url}/admin/odoo.html`);
    await ready();
    const form = page.getByRole('form', { name: 'Conexión' });
    await form.getByLabel('Dirección de Odoo').fill(odoo.url);
    await form.getByLabel('Base de datos').fill(odoo.db);
    await form.getByLabel('Usuario (email)').fill(odoo.login);
    await form.getByLabel('Clave de API').fill('not-the-right-key');
    await form.getByLabel('Protocolo').selectOption('xmlrpc');
    await form.getByRole('button', { name: 'Guardar' }).click();
    await expect
      .poll(() => status().textContent(), { timeout: 20_000 })
      .toBe('Conexión con Odoo guardada.');
    expect(text(await form.textContent())).toContain('Guardada. Déjala vacía para conservarla.');

    await page.getByRole('button', { name: 'Probar conexión' }).click();
    const check = page.locator('#odoo-check');
    await expect
      .poll(async () => text(await check.textContent()), { timeout: 20_000 })
      .toContain('Odoo refused the login and API key for database “konta”.');
    expect(text(await check.textContent())).toContain(
      'Preferences → Account Security → New API Key',
    );

    // A push with the wrong key fails once and lands in the dead letters (no retry loop).
    await page.getByRole('button', { name: 'Enviar productos' }).click();
    await expect
      .poll(() => status().textContent(), { timeout: 20_000 })
      .toBe('Envío de productos en cola.');
    expect((await drainOutbox()).status).toBe(200);
    const deadRow = page.locator('tr[data-dead]');
    await expect.poll(() => deadRow.count(), { timeout: 30_000 }).toBe(1);
    expect(await deadRow.getAttribute('data-type')).toBe('odoo.push_products');
    expect(text(await deadRow.textContent())).toContain('Envío de productos');
    expect(text(await deadRow.textContent())).toContain('Odoo refused the login');
    const failed = page.locator('tr[data-kind="push_products"]');
    expect(text(await failed.first().textContent())).toContain('Error');
    expect(await axeViolations(page)).toEqual([]);

    await form.getByLabel('Clave de API').fill(odoo.apiKey);
    await form.getByRole('button', { name: 'Guardar' }).click();
    await expect.poll(async () => form.getByLabel('Clave de API').inputValue()).toBe('');
    await page.getByRole('button', { name: 'Probar conexión' }).click();
    await expect
      .poll(async () => text(await check.textContent()), { timeout: 20_000 })
      .toMatch(/^Conexión correcta \(.+\): Odoo 17\.0 por xmlrpc\./);
    const saved = await stack.deps.store.get(`shops/${shopId}/odooSync/settings`);
    expect(JSON.stringify(saved.data)).not.toContain(odoo.apiKey);

    // Retry the dead push: it goes through and leaves the dead letters.
    await deadRow.getByRole('button', { name: 'Reintentar' }).click();
    await expect
      .poll(() => status().textContent(), { timeout: 20_000 })
      .toBe('Vuelto a poner en cola.');
    await expect.poll(() => deadRow.count(), { timeout: 20_000 }).toBe(0);
    expect((await drainOutbox()).status).toBe(200);
    await page.getByRole('button', { name: 'Actualizar' }).click();
    const pushedOk = page.locator('tr[data-kind="push_products"]').filter({ hasText: 'Correcto' });
    await expect.poll(() => pushedOk.count(), { timeout: 20_000 }).toBe(1);
    expect(await odoo.records('product.product', [['default_code', '=', 'HSG-TEF']])).toHaveLength(
      1,
    );

    // The push button itself: queued, run by the outbox, shown in the log without a reload.
    await page.getByRole('button', { name: 'Enviar productos' }).click();
    await expect
      .poll(() => status().textContent(), { timeout: 20_000 })
      .toBe('Envío de productos en cola.');
    expect((await drainOutbox()).status).toBe(200);
    await expect.poll(() => pushedOk.count(), { timeout: 30_000 }).toBe(2);
    expect(text(await pushedOk.first().textContent())).toMatch(/Envío de productos\s*Correcto/);
    expect(await odoo.records('product.product', [['default_code', '=', 'HSG-TEF']])).toHaveLength(
      1,
    );
  }, 90_000);

  it('creates an ingredient and a recipe, makes a batch, and lists what a big batch lacks', async () => {
    const before = (await stack.deps.store.get(`shops/${shopId}/stock/HSG-TEF`)).data as {
      available: number;
    };
    await page.goto(`${stack.url}/admin/production.html`);
    await ready();
    const ingredient = page.getByRole('form', { name: 'Nuevo ingrediente' });
    await ingredient.getByLabel('SKU', { exact: true }).fill('ING-TEFF');
    await ingredient.getByLabel('Nombre').fill('Harina de teff');
    await ingredient.getByLabel('Unidad').selectOption('g');
    await ingredient.getByLabel('Punto de pedido').fill('500');
    await ingredient.getByRole('button', { name: 'Guardar ingrediente' }).click();
    await expect
      .poll(() => status().textContent(), { timeout: 20_000 })
      .toBe('Ingrediente ING-TEFF guardado.');

    const receive = page.getByRole('form', { name: 'Recibir mercancía' });
    await receive.getByLabel('Ingrediente').selectOption('ING-TEFF');
    await receive.getByLabel('Cantidad recibida').fill('1000');
    await receive.getByRole('button', { name: 'Recibir mercancía' }).click();
    await expect
      .poll(() => status().textContent(), { timeout: 20_000 })
      .toBe('ING-TEFF: ahora hay 1000.');
    // The status line is written before the table re-renders from the API.
    await expect
      .poll(() => page.locator('td[data-ingredient="ING-TEFF"]').textContent(), { timeout: 20_000 })
      .toBe('1000 g');

    const recipe = page.getByRole('form', { name: 'Escribir o cambiar una receta' });
    await recipe.getByLabel('Producto terminado (SKU)').selectOption('HSG-TEF');
    await recipe.getByLabel('Unidades por tanda').fill('2');
    await recipe.getByLabel('Ingrediente 1', { exact: true }).selectOption('ING-TEFF');
    await recipe.getByLabel('Cantidad del ingrediente 1').fill('400');
    await recipe.getByRole('button', { name: 'Guardar receta' }).click();
    await expect
      .poll(() => status().textContent(), { timeout: 20_000 })
      .toBe('Receta de HSG-TEF guardada.');
    const canMake = page.locator('tr[data-can-make="HSG-TEF"]');
    await expect
      .poll(async () => text(await canMake.textContent()))
      .toBe('HSG-TEF24Harina de teff (ING-TEFF)');

    const batch = page.getByRole('form', { name: 'Producir' });
    await batch.getByLabel('Producto (SKU con receta)').selectOption('HSG-TEF');
    await batch.getByLabel('Número de tandas').fill('2');
    await batch.getByRole('button', { name: 'Producir ahora' }).click();
    await expect
      .poll(() => status().textContent(), { timeout: 20_000 })
      .toBe('Producidas 4 unidades de HSG-TEF.');
    const after = (await stack.deps.store.get(`shops/${shopId}/stock/HSG-TEF`)).data as {
      available: number;
    };
    expect(after.available).toBe(before.available + 4);
    await expect
      .poll(() => page.locator('td[data-ingredient="ING-TEFF"]').textContent())
      .toBe('200 g');

    await batch.getByLabel('Número de tandas').fill('5');
    await batch.getByRole('button', { name: 'Producir ahora' }).click();
    const missing = page.locator('#batch-refusal');
    await expect
      .poll(async () => text(await missing.textContent()), { timeout: 20_000 })
      .toBe(
        'Faltan ingredientes para esta tanda:Harina de teff (ING-TEFF): hacen falta 2000 g, hay 200 g; faltan 1800 g.',
      );
    const unchanged = (await stack.deps.store.get(`shops/${shopId}/stock/HSG-TEF`)).data as {
      available: number;
    };
    expect(unchanged.available).toBe(after.available);

    const reorder = page.getByRole('form', { name: 'Punto de pedido de productos' });
    await reorder.getByLabel('SKU', { exact: true }).selectOption('HSG-TEF');
    await reorder.getByLabel('Punto de pedido').fill('3');
    await reorder.getByRole('button', { name: 'Guardar punto de pedido' }).click();
    await expect
      .poll(() => status().textContent(), { timeout: 20_000 })
      .toBe('Punto de pedido de HSG-TEF guardado.');
    const withPoint = await stack.deps.store.get(`shops/${shopId}/stock/HSG-TEF`);
    expect(withPoint.data?.reorderPoint).toBe(3);
  }, 90_000);

  it('marks a made-to-order task done and the customer gets the ready email', async () => {
    await seedTask(stack, shopId);
    await page.goto(`${stack.url}/admin/production.html`);
    await ready();
    const row = page.locator('tr[data-task="o_mto_1:HSG-TEF"]');
    expect(text(await row.textContent())).toContain('HS-9001');
    await row.getByRole('button', { name: 'Marcar hecho' }).click();
    await expect
      .poll(() => status().textContent(), { timeout: 20_000 })
      .toBe('El pedido HS-9001 está listo; se ha avisado al cliente.');
    await expect.poll(() => row.count()).toBe(0);
    expect((await drainOutbox()).status).toBe(200);
    await expect
      .poll(
        () =>
          stack.mailbox
            .list()
            .filter((m) => m.to.includes('marta@example.com'))
            .map((m) => m.subject),
        { timeout: 20_000 },
      )
      .toContain('Tu pedido HS-9001 está listo');
  }, 60_000);

  it('has no axe violations on the Odoo and production pages, in Spanish and English', async () => {
    await seedTask(stack, shopId, 'o_mto_2', 'HS-9002');
    const results: Record<string, string[]> = {};
    for (const locale of ['es', 'en']) {
      await page.evaluate((l) => localStorage.setItem('konta.admin.locale', l), locale);
      for (const path of ['odoo.html', 'production.html']) {
        await page.goto(`${stack.url}/admin/${path}`);
        await ready();
        const violations = await axeViolations(page);
        results[`${locale} ${path}`] = violations.map(
          (v) => `${v.id}: ${v.help} ${JSON.stringify(v.nodes)}`,
        );
      }
    }
    expect(results).toEqual({
      'es odoo.html': [],
      'es production.html': [],
      'en odoo.html': [],
      'en production.html': [],
    });
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Production');
    const produce = page.getByRole('button', { name: 'Produce now' });
    await expect.poll(() => produce.count(), { timeout: 20_000 }).toBe(1);
    const markDone = page.getByRole('button', { name: 'Mark done HS-9002 HSG-TEF' });
    await expect.poll(() => markDone.count(), { timeout: 20_000 }).toBe(1);
  }, 60_000);
});

/** A paid shipping order with one made-to-order line and its open production task. */
async function seedTask(
  stack: Awaited<ReturnType<typeof startTestStack>>,
  shopId: string,
  id = 'o_mto_1',
  number = 'HS-9001',
) {
  const at = new Date().toISOString();
  await stack.deps.store.set(`shops/${shopId}/orders/${id}`, {
    id,
    shopId,
    number,
    status: 'in_production',
    lines: [
      {
        sku: 'HSG-TEF',
        productId: 'p',
        title: 'Pan de teff',
        variantLabel: '',
        quantity: 2,
        unitPrice: 580,
        taxRate: 4,
        net: 1115,
        vat: 45,
        total: 1160,
      },
    ],
    totals: {
      subtotal: 1160,
      shipping: 0,
      total: 1160,
      byRate: [{ rate: 4, net: 1115, vat: 45, total: 1160 }],
    },
    currency: 'EUR',
    customer: { name: 'Marta Gil', email: 'marta@example.com', locale: 'es' },
    fulfilment: {
      method: 'shipping',
      methodId: 'envio',
      methodName: 'Envío',
      address: { line1: 'Calle Real 2', city: 'Cádiz', postalCode: '11001', country: 'ES' },
    },
    payment: { method: 'bank_transfer', status: 'paid', refunded: 0 },
    reservation: { status: 'committed', expiresAt: null },
    holdExpiresAt: null,
    newsletter: false,
    statusToken: id.padEnd(40, 'y'),
    history: [{ at, status: 'paid', who: 'test' }],
    createdAt: at,
    updatedAt: at,
    paidAt: at,
  });
  await stack.deps.store.set(`shops/${shopId}/productionTasks/${id}:HSG-TEF`, {
    id: `${id}:HSG-TEF`,
    orderId: id,
    orderNumber: number,
    sku: 'HSG-TEF',
    title: 'Pan de teff',
    quantity: 2,
    status: 'open',
    createdAt: at,
  });
}
