import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalStack } from '../../functions/local/stack.ts';
import { axeViolations, launchChromium } from '../support/browser.ts';
import { startTestStack } from '../support/stack.ts';

let stack: LocalStack;
let browser: Browser;

beforeAll(async () => {
  [stack, browser] = await Promise.all([startTestStack({ timers: false }), launchChromium()]);
});
afterAll(async () => {
  await browser?.close();
  await stack?.close();
});

describe('shopping in Chromium', () => {
  it('goes from home to a product, picks a variant, adds it and sees it in the cart', async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));

    await page.goto(stack.shops['estudio-marina-rey']!);
    await page
      .getByRole('link', { name: /Mar de Cádiz/ })
      .first()
      .click();
    await page.waitForURL(/\/products\/mar-de-cadiz$/);
    await page.getByLabel(/30 × 42 cm \/ Roble natural/).check();
    await page.getByLabel('Cantidad').fill('2');
    await page.getByRole('button', { name: 'Añadir a la cesta' }).click();
    await expect.poll(() => page.locator('[data-cart-count]').first().textContent()).toBe('(2)');

    await page.getByRole('link', { name: 'Añadido a la cesta.' }).click();
    await page.waitForURL(/\/cart$/);
    const row = page.locator('[data-cart-table] tbody tr');
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.textContent()).toContain('Mar de Cádiz');
    expect(await row.textContent()).toContain('30 × 42 cm / Roble natural');
    // 55 € print + 35 € oak frame, twice.
    expect(await page.locator('[data-total]').textContent()).toMatch(/180,00\s€/);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows every variant with its price on the product page without JavaScript', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${stack.shops['estudio-marina-rey']}products/mar-de-cadiz`);

    const options = page.locator('.opt');
    expect(await options.count()).toBe(9);
    const texts = await options.allTextContents();
    for (const size of ['21 × 30 cm', '30 × 42 cm', '50 × 70 cm']) {
      for (const frame of ['Sin marco', 'Roble natural', 'Negro mate']) {
        const line = texts.find((t) => t.includes(`${size} / ${frame}`));
        expect(line, `${size} / ${frame}`).toMatch(/\d+,\d{2}\s€/);
      }
    }
    expect(await page.getByRole('radio').first().isVisible()).toBe(true);
    await context.close();
  });
});

describe('checkout from the storefront', () => {
  it('places a pickup order with bank transfer and lands on its status page', async () => {
    const page = await browser.newPage();
    const shop = stack.shops['horno-sin-gluten']!;
    await page.goto(`${shop}products/baguette-sin-gluten`);
    await page.getByRole('button', { name: 'Añadir a la cesta' }).click();
    await expect.poll(() => page.locator('[data-cart-count]').first().textContent()).toBe('(1)');

    await page.goto(`${shop}checkout`);
    await page.locator('#co-name').fill('Ana García');
    await page.locator('#co-email').fill('ana@example.com');
    await page.getByLabel(/Recogida en el obrador/).check();
    await page.getByLabel('Día de recogida', { exact: true }).fill(nextPickupDay());
    await page.getByLabel('Transferencia bancaria').check();
    await page.getByRole('button', { name: 'Hacer el pedido' }).click();

    await page.waitForURL(/\/order\?id=/);
    await expect
      .poll(() => page.locator('[data-order]').textContent())
      .toContain('Pendiente de pago');
    expect(await page.locator('[data-order]').textContent()).toContain('Baguette');
    expect(await page.evaluate(() => localStorage.getItem('konta-cart-horno-sin-gluten'))).toBe(
      '[]',
    );
    await page.close();
  });
});

/** A Tuesday–Saturday at least two days ahead: the bakery's pickup days. */
function nextPickupDay(): string {
  const day = new Date(Date.now() + 2 * 86_400_000);
  while (day.getUTCDay() < 2) day.setUTCDate(day.getUTCDate() + 1);
  return day.toISOString().slice(0, 10);
}

describe('accessibility (axe-core)', () => {
  const pages = (shop: string, collection: string, product: string) => [
    [shop, ''],
    [shop, `collections/${collection}`],
    [shop, `products/${product}`],
    [shop, `en/products/${product}`],
    [shop, 'cart'],
    [shop, 'checkout'],
  ];
  it.each([
    ...pages('horno-sin-gluten', 'panes', 'tarta-de-queso'),
    ...pages('estudio-marina-rey', 'grabados', 'mar-de-cadiz'),
  ])('%s/%s has no violations', async (shop, path) => {
    const page = await browser.newPage();
    await page.goto(`${stack.shops[shop]}${path}`);
    await page.waitForLoadState('networkidle');
    const violations = await axeViolations(page);
    expect(violations, JSON.stringify(violations, null, 1)).toEqual([]);
    await page.close();
  });
});
