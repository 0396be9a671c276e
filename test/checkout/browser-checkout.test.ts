import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outboxHandlers } from '../../functions/jobs/outbox-handlers.ts';
import { drainOutbox } from '../../functions/outbox/drain-outbox.ts';
import { ShopProfile } from '../../shared/catalog/shop.ts';
import type { Order } from '../../shared/orders/order.ts';
import { earliestPickupDate } from '../../shared/pricing/fulfilment-dates.ts';
import { launchChromium } from '../support/browser.ts';
import { startTestStack } from '../support/stack.ts';
import { type StripeStandin, startStripeStandin } from '../support/stripe-standin/server.ts';

const SHOP = 'horno-sin-gluten';
const SECRET = 'whsec_browser_test';

describe('checkout in Chromium against the local stack', () => {
  let stack: Awaited<ReturnType<typeof startTestStack>>;
  let standin: StripeStandin;
  let browser: Browser;

  beforeAll(async () => {
    standin = await startStripeStandin({
      webhookSecret: SECRET,
      webhookUrl: (shopId) => `${stack.url}/api/webhooks/stripe/${shopId}`,
    });
    stack = await startTestStack({
      timers: false,
      env: {
        STRIPE_SECRET_KEY: 'sk_test_browser',
        STRIPE_WEBHOOK_SECRET: SECRET,
        STRIPE_API_URL: standin.url,
      },
    });
    browser = await launchChromium();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await stack?.close();
    await standin?.close();
  });

  async function fillCart(page: Page, email: string) {
    await page.goto(`${stack.shops[SHOP]}products/baguette-sin-gluten`);
    await page.getByRole('button', { name: 'Añadir a la cesta' }).click();
    await page.getByRole('status').filter({ hasText: /\S/ }).waitFor();
    await page.goto(`${stack.shops[SHOP]}cart`);
    await page.getByRole('link', { name: 'Finalizar pedido' }).click();
    await page.waitForURL(/\/checkout$/);
    await page.getByLabel('Nombre').fill('Ana García');
    await page.locator('#co-email').fill(email);
  }

  async function pickupDate(): Promise<string> {
    const shop = ShopProfile.parse((await stack.deps.store.get(`shops/${SHOP}`)).data);
    const pickup = shop.settings.shippingMethods.find((m) => m.kind === 'pickup');
    if (pickup?.kind !== 'pickup') throw new Error('the demo bakery has no pickup');
    return earliestPickupDate(new Date(), shop.settings.timeZone, pickup, 0)!;
  }

  async function mailTo(address: string, subject: RegExp) {
    await drainOutbox(stack.deps, outboxHandlers);
    const deadline = Date.now() + 10_000;
    for (;;) {
      const mail = stack.mailbox
        .list()
        .find((m) => m.to.includes(address) && subject.test(m.subject));
      if (mail) return mail;
      if (Date.now() > deadline) throw new Error(`no mail to ${address} matching ${subject}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  it('orders for pickup with bank transfer: confirmation page, then the email in the mailbox', async () => {
    const page = await browser.newPage();
    await fillCart(page, 'pickup@example.com');
    await page.locator('#m-obrador').check();
    await page.locator('#co-date').fill(await pickupDate());
    await page.locator('#co-slot').selectOption('manana');
    await page.locator('#p-bank_transfer').check();
    await page.getByRole('button', { name: 'Hacer el pedido' }).click();

    await page.waitForURL(/\/order\?id=.+&token=.+/);
    const box = page.locator('[data-order]');
    await expect
      .poll(() => box.textContent(), { timeout: 10_000 })
      .toMatch(/HSG-\d{4}|[A-Z]+-\d{4}/);
    expect(await box.textContent()).toContain('IBAN ES9121000418450200051332');

    const mail = await mailTo('pickup@example.com', /recibido/);
    expect(mail.subject).toMatch(/^Pedido [A-Z]+-\d{4} recibido · Horno Sin Gluten$/);
    await page.goto(`${stack.url}/mailbox`);
    await expect.poll(() => page.textContent('main')).toContain(mail.subject);
    await page.close();
  }, 60_000);

  it('pays by card through the stand-in: redirect, webhook, paid, email', async () => {
    const page = await browser.newPage();
    await fillCart(page, 'card@example.com');
    await page.locator('#m-obrador').check();
    await page.locator('#co-date').fill(await pickupDate());
    await page.locator('#p-stripe').check();
    await page.getByRole('button', { name: 'Hacer el pedido' }).click();

    await page.waitForURL(`${standin.url}/pay/**`);
    await page.getByRole('button', { name: 'Pay' }).click();
    await page.waitForURL(/\/order\?id=.+&token=.+/);
    const orderId = new URL(page.url()).searchParams.get('id')!;

    const order = (await stack.deps.store.get<Order>(`shops/${SHOP}/orders/${orderId}`)).data!;
    expect(order.status).toBe('paid');
    expect(order.payment).toMatchObject({ method: 'stripe', status: 'paid' });
    expect(standin.sent.at(-1)).toMatchObject({ type: 'checkout.session.completed', status: 200 });
    const mail = await mailTo('card@example.com', /Pago recibido/);
    expect(mail.subject).toContain(order.number);
    await page.close();
  }, 60_000);
});
