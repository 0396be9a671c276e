import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_SHOP_IDS } from '../../functions/local/seed/seed-demo-shops.ts';
import { signInMember } from '../support/admin-session.ts';
import { launchChromium } from '../support/browser.ts';
import { startTestStack } from '../support/stack.ts';

const READER = 'lectora@example.com';
/** The machine is shared: give the browser time. */
const POLL = { timeout: 30_000 };

/**
 * The newsletter end to end on the local stack in Chromium: the storefront form, the
 * confirmation from the local mailbox, then the merchant composing a campaign with a product
 * card in the admin, a test send, the send, and the campaign in the mailbox.
 */
describe('newsletter in the browser', () => {
  let stack: Awaited<ReturnType<typeof startTestStack>>;
  let browser: Browser;
  let page: Page;
  let shopId: string;

  beforeAll(async () => {
    stack = await startTestStack({ timers: false });
    shopId = DEMO_SHOP_IDS[0]!;
    browser = await launchChromium();
    page = await browser.newPage();
    page.on('pageerror', (error) => console.error('page error', error.message));
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.close();
  });

  const runJob = (path: string) => fetch(`${stack.url}${path}`, { method: 'POST' });
  const openMail = async (subject: RegExp) => {
    await page.goto(stack.mailboxUrl);
    await page.getByRole('link', { name: subject }).first().click();
    return (await page.locator('pre').first().textContent()) ?? '';
  };

  it('subscribes on the storefront and confirms from the mailbox', async () => {
    await page.goto(stack.shops[shopId]!);
    const form = page.locator('form[data-newsletter]').first();
    await form.locator('input[name="email"]').fill(READER);
    await form.getByRole('button').click();
    const ok = await form.getAttribute('data-ok');
    await expect.poll(() => form.locator('[data-msg]').textContent(), POLL).toBe(ok);

    await runJob('/jobs/outbox/drain');
    const text = await openMail(/Confirma tu suscripción/);
    const link = /(http\S+\/newsletter\/confirm\?token=[\w.-]+)/.exec(text)?.[1];
    expect(link).toBeDefined();
    await page.goto(link!);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(
      'Suscripción confirmada',
    );
  }, 120_000);

  it('composes a campaign with a product card, test-sends it and sends it', async () => {
    const { headers } = await signInMember(stack.deps, shopId, 'owner', 'duena@example.com');
    const [name, value] = headers.cookie!.split('=') as [string, string];
    await page.context().addCookies([{ name, value, url: stack.url }]);

    await page.goto(`${stack.url}/admin/newsletter.html`);
    await page.waitForSelector('body[data-ready="true"]', { timeout: 20_000 });
    expect(await page.getByRole('cell', { name: READER }).count()).toBe(1);
    await page.getByLabel('Asunto (español)').fill('Novedades del horno');
    await page.getByLabel('Titular').fill('Pan recién hecho');
    await page.getByLabel('Texto (Markdown)').fill('Esta semana, **masa madre**.');
    const card = page.locator('fieldset input[type="checkbox"]').first();
    await card.check();
    const product = (await page
      .locator(`label[for="${await card.getAttribute('id')}"]`)
      .textContent())!;

    await page.getByRole('button', { name: 'Vista previa', exact: true }).press('Enter');
    const desktop = page.frameLocator('iframe[title="Escritorio"]');
    await expect.poll(() => desktop.locator('body').textContent(), POLL).toContain(product);
    await expect
      .poll(() => page.frameLocator('iframe[title="Móvil"]').locator('body').textContent(), POLL)
      .toContain(product);

    await page.getByLabel('Enviar prueba a').fill('duena@example.com');
    await page.getByRole('button', { name: 'Enviar prueba', exact: true }).press('Enter');
    await expect.poll(() => page.locator('#status').textContent(), POLL).toBe('Prueba enviada.');
    await page.getByRole('button', { name: 'Enviar ahora', exact: true }).press('Enter');
    await expect
      .poll(() => page.locator('#status').textContent(), POLL)
      .toBe('Enviando la campaña.');

    await runJob('/jobs/newsletter/send');
    await page.goto(stack.mailboxUrl);
    const rows = page.locator('tbody tr', { hasText: 'Novedades del horno' });
    await expect.poll(() => rows.count(), POLL).toBe(2);
    expect(await rows.filter({ hasText: '[TEST]' }).locator('td').nth(1).textContent()).toBe(
      'duena@example.com',
    );
    const sent = rows.filter({ hasNotText: '[TEST]' });
    expect(await sent.locator('td').nth(1).textContent()).toBe(READER);

    const text = await openMail(/^Novedades del horno$/);
    expect(text).toContain(product);
    expect(text).toMatch(/Darse de baja: http\S+\/newsletter\/unsubscribe\?token=/);
  }, 120_000);
});
