import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { enqueue } from '../../functions/outbox/enqueue.ts';
import { createTestDeps } from '../support/deps.ts';
import { startTestSmtp } from '../support/smtp.ts';
import {
  drain,
  getSubscriber,
  headerLines,
  json,
  PUBLIC_BASE_URL,
  publicApp,
  SHOP,
  seedShop,
} from './fixtures.ts';

const URL_BASE = `/api/shops/${SHOP}/newsletter`;
const form = (email: string, extra: Record<string, unknown> = {}) => ({
  email,
  locale: 'en',
  source: 'storefront',
  formVersion: 'storefront-v1',
  website: '',
  ...extra,
});
const client = { 'x-forwarded-for': '203.0.113.7', 'user-agent': 'Firefox/140' };

describe('newsletter double opt-in', () => {
  let smtp: Awaited<ReturnType<typeof startTestSmtp>>;
  let t: Awaited<ReturnType<typeof createTestDeps>>;
  let app: ReturnType<typeof publicApp>;

  beforeAll(async () => {
    smtp = await startTestSmtp();
  });
  beforeEach(async () => {
    smtp.mails.length = 0;
    t = await createTestDeps({ smtpUrl: smtp.url, env: { PUBLIC_BASE_URL } });
    await seedShop(t.deps);
    app = publicApp(t.deps);
  });
  afterEach(async () => {
    await t.close();
  });
  afterAll(async () => {
    await smtp.close();
  });

  const subscribe = (email: string, extra = {}, headers = client) =>
    app.request(`${URL_BASE}/subscribe`, json(form(email, extra), headers));

  it('sends a confirmation in the subscriber language with both unsubscribe headers', async () => {
    const res = await subscribe('Ana@Example.com');
    expect(res.status).toBe(202);
    expect(await drain(t.deps)).toMatchObject({ done: 1 });

    const [mail] = await smtp.waitFor(1);
    const parsed = mail!.parsed;
    expect(parsed.subject).toBe('Confirm your subscription to Horno Bueño');
    expect(parsed.to).toMatchObject({ value: [{ address: 'ana@example.com' }] });
    expect(parsed.from?.value[0]).toMatchObject({ name: 'Horno Bueño' });
    expect(parsed.replyTo?.value[0]?.address).toBe('hola@horno.example');
    expect(parsed.text).toContain('Confirm subscription: https://konta.example/');
    expect(parsed.html).toContain('lang="en"');
    expect(parsed.headers.get('content-language')).toBe('en');
    expect(parsed.messageId).toMatch(/@konta\.localhost>$/);
    expect(parsed.date).toBeInstanceOf(Date);
    expect(mail!.raw.toString()).toMatch(/Content-Type: multipart\/alternative/);

    const lines = headerLines(mail!.raw, 'List-Unsubscribe');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      /^List-Unsubscribe: <https:\/\/konta\.example\/api\/shops\/horno-bueno\/newsletter\/unsubscribe\?token=[^>]+>, <mailto:unsubscribe@konta\.localhost\?subject=[^>]+>$/,
    );
    expect(headerLines(mail!.raw, 'List-Unsubscribe-Post')).toEqual([
      'List-Unsubscribe-Post: List-Unsubscribe=One-Click',
    ]);
  });

  it('stores consent evidence and confirms through the emailed link', async () => {
    await subscribe('ana@example.com');
    await drain(t.deps);
    const [mail] = await smtp.waitFor(1);
    const link = /https:\/\/konta\.example(\/api\/\S+\/confirm\?token=[\w.-]+)/.exec(
      mail!.parsed.text ?? '',
    )![1]!;

    const pending = await getSubscriber(t.deps, 'ana@example.com');
    expect(pending).toMatchObject({
      status: 'pending',
      locale: 'en',
      consent: {
        at: '2026-12-01T10:00:00.000Z',
        ip: '203.0.113.7',
        userAgent: 'Firefox/140',
        formVersion: 'storefront-v1',
        source: 'storefront',
        locale: 'en',
      },
    });

    const page = await app.request(link, { headers: { 'x-forwarded-for': '198.51.100.4' } });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Subscription confirmed');
    const again = await app.request(link);
    expect(again.status).toBe(200);
    expect(await getSubscriber(t.deps, 'ana@example.com')).toMatchObject({
      status: 'confirmed',
      confirmation: { at: '2026-12-01T10:00:00.000Z', ip: '198.51.100.4' },
    });
  });

  it('refuses a confirmation link older than 48 hours', async () => {
    await subscribe('ana@example.com');
    await drain(t.deps);
    const [mail] = await smtp.waitFor(1);
    const link = /https:\/\/konta\.example(\/\S+confirm\?token=[\w.-]+)/.exec(
      mail!.parsed.text ?? '',
    )![1]!;

    t.clock.advance(48 * 3600_000 + 1000);
    const page = await app.request(link);
    expect(page.status).toBe(410);
    expect((await getSubscriber(t.deps, 'ana@example.com'))?.status).toBe('pending');
  });

  it('answers a second subscription the same way and sends nothing to a confirmed address', async () => {
    await subscribe('ana@example.com');
    await drain(t.deps);
    const [confirmation] = await smtp.waitFor(1);
    const link = /https:\/\/konta\.example(\/\S+confirm\?token=[\w.-]+)/.exec(
      confirmation!.parsed.text ?? '',
    )![1]!;
    expect((await app.request(link)).status).toBe(200);

    const pending = await subscribe('berta@example.com');
    const confirmed = await subscribe('ana@example.com');
    const unknown = await subscribe('nobody@example.com');
    const bodies = await Promise.all([pending, confirmed, unknown].map((r) => r.text()));
    expect([pending.status, confirmed.status]).toEqual([unknown.status, unknown.status]);
    expect(bodies[0]).toBe(bodies[2]);
    expect(bodies[1]).toBe(bodies[2]);

    await drain(t.deps);
    await smtp.waitFor(3);
    const recipients = smtp.mails.map((m) => m.envelopeTo[0]);
    expect(recipients.filter((r) => r === 'ana@example.com')).toHaveLength(1);
    expect((await getSubscriber(t.deps, 'ana@example.com'))?.status).toBe('confirmed');
  });

  it('sends the welcome email after confirming when the shop turned it on', async () => {
    await t.deps.store.set(`shops/${SHOP}/newsletter/settings`, {
      welcome: {
        enabled: true,
        subject: { es: '¡Hola!', en: 'Hello there' },
        markdown: { es: 'Gracias', en: 'Thanks for **joining**' },
      },
    });
    await subscribe('ana@example.com');
    await drain(t.deps);
    const [mail] = await smtp.waitFor(1);
    const link = /https:\/\/konta\.example(\/\S+confirm\?token=[\w.-]+)/.exec(
      mail!.parsed.text ?? '',
    )![1]!;
    await app.request(link);
    await app.request(link);
    await drain(t.deps);

    const mails = await smtp.waitFor(2);
    expect(mails[1]!.parsed.subject).toBe('Hello there');
    expect(mails[1]!.parsed.html).toContain('<strong>joining</strong>');
    expect(headerLines(mails[1]!.raw, 'List-Unsubscribe')).toHaveLength(1);
    await drain(t.deps);
    expect(smtp.mails).toHaveLength(2);
  });

  it('starts double opt-in from the checkout checkbox event', async () => {
    await t.deps.store.runTransaction(async (tx) => {
      enqueue(
        tx,
        {
          type: 'newsletter.checkout_optin',
          shopId: SHOP,
          key: 'o-1001',
          payload: { email: 'eva@example.com', locale: 'es', orderId: 'o-1001' },
        },
        t.deps.clock.now(),
      );
    });
    await drain(t.deps);
    await drain(t.deps);

    const [mail] = await smtp.waitFor(1);
    expect(mail!.parsed.subject).toBe('Confirma tu suscripción a Horno Bueño');
    expect(mail!.parsed.html).toContain('lang="es"');
    expect(await getSubscriber(t.deps, 'eva@example.com')).toMatchObject({
      status: 'pending',
      consent: { source: 'checkout', orderId: 'o-1001', formVersion: 'checkout-v1' },
    });
  });

  it('gives up at once on a checkout event with an invalid address', async () => {
    await t.deps.store.runTransaction(async (tx) => {
      enqueue(
        tx,
        {
          type: 'newsletter.checkout_optin',
          shopId: SHOP,
          key: 'o-1002',
          payload: {
            email: 'eva@example.com\r\nBcc: x@example.com',
            locale: 'es',
            orderId: 'o-1002',
          },
        },
        t.deps.clock.now(),
      );
    });
    expect(await drain(t.deps)).toEqual({ done: 0, retried: 0, dead: 1 });
    expect(await t.deps.store.query({ collection: `shops/${SHOP}/subscribers` })).toHaveLength(0);
  });

  it('answers a filled honeypot like a person but stores nothing', async () => {
    const res = await subscribe('bot@example.com', { website: 'http://spam.example' });
    expect(res.status).toBe(202);
    expect(await getSubscriber(t.deps, 'bot@example.com')).toBeUndefined();
    expect(await drain(t.deps)).toEqual({ done: 0, retried: 0, dead: 0 });
  });

  it('limits subscribe requests per client address', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 7; i += 1) statuses.push((await subscribe(`p${i}@example.com`)).status);
    expect(statuses).toEqual([202, 202, 202, 202, 202, 429, 429]);
    const other = await subscribe(
      'q@example.com',
      {},
      { ...client, 'x-forwarded-for': '192.0.2.1' },
    );
    expect(other.status).toBe(202);
  });

  it.each([
    ['an invalid address', form('not-an-address')],
    ['a header injection in the address', form('ana@example.com\r\nBcc: all@example.com')],
    ['an address with a display name', form('Ana <ana@example.com>')],
    [
      'a header injection in the form version',
      form('ana@example.com', { formVersion: 'v1\r\nX: y' }),
    ],
    ['an unknown field', form('ana@example.com', { admin: true })],
    ['an oversized body', form('ana@example.com', { website: 'x'.repeat(5000) })],
  ])('rejects %s with 4xx and stores nothing', async (_name, body) => {
    const res = await app.request(`${URL_BASE}/subscribe`, json(body, client));
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    const stored = await t.deps.store.query({ collection: `shops/${SHOP}/subscribers` });
    const outbox = await t.deps.store.query({ collection: 'outbox' });
    expect(stored).toHaveLength(0);
    expect(outbox).toHaveLength(0);
  });

  it('rejects a body that is not JSON and a shop without a newsletter', async () => {
    const text = await app.request(`${URL_BASE}/subscribe`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: 'email=ana@example.com',
    });
    expect(text.status).toBe(415);
    const other = await app.request(
      '/api/shops/no-such-shop/newsletter/subscribe',
      json(form('ana@example.com'), client),
    );
    expect(other.status).toBe(404);
  });
});
