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
    await page.waitForURL(/\/products\/mar-de-cadiz\/$/);
    await page.getByLabel(/30 × 42 cm \/ Roble natural/).check();
    await page.getByLabel('Cantidad').fill('2');
    await page.getByRole('button', { name: 'Añadir a la cesta' }).click();
    await expect.poll(() => page.locator('[data-cart-count]').first().textContent()).toBe('(2)');

    await page.getByRole('link', { name: 'Añadido a la cesta.' }).click();
    await page.waitForURL(/\/cart\/$/);
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
    await page.goto(`${stack.shops['estudio-marina-rey']}products/mar-de-cadiz/`);

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

describe('accessibility (axe-core)', () => {
  const pages = (shop: string, collection: string, product: string) => [
    [shop, ''],
    [shop, `collections/${collection}/`],
    [shop, `products/${product}/`],
    [shop, `en/products/${product}/`],
    [shop, 'cart/'],
    [shop, 'checkout/'],
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
