import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { subscriberIdOf } from '../../functions/newsletter/keys.ts';
import { signToken } from '../../functions/newsletter/tokens.ts';
import { createTestDeps } from '../support/deps.ts';
import { startTestSmtp } from '../support/smtp.ts';
import {
  drain,
  getSubscriber,
  json,
  PUBLIC_BASE_URL,
  publicApp,
  SHOP,
  seedShop,
  seedSubscribers,
} from './fixtures.ts';

const BASE = `/api/shops/${SHOP}/newsletter`;
const ONE_CLICK = {
  method: 'POST',
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
  body: 'List-Unsubscribe=One-Click',
};

describe('newsletter unsubscribe and subscriber rights', () => {
  let smtp: Awaited<ReturnType<typeof startTestSmtp>>;
  let t: Awaited<ReturnType<typeof createTestDeps>>;
  let app: ReturnType<typeof publicApp>;
  let token: string;

  beforeAll(async () => {
    smtp = await startTestSmtp();
  });
  beforeEach(async () => {
    smtp.mails.length = 0;
    t = await createTestDeps({ smtpUrl: smtp.url, env: { PUBLIC_BASE_URL } });
    await seedShop(t.deps);
    await seedSubscribers(t.deps, [
      { email: 'ana@example.com', status: 'confirmed', locale: 'en' },
    ]);
    app = publicApp(t.deps);
    const subscriberId = subscriberIdOf(t.deps.secretKey, SHOP, 'ana@example.com');
    token = signToken(t.deps.secretKey, SHOP, { purpose: 'u', subscriberId });
  });
  afterEach(async () => {
    await t.close();
  });
  afterAll(async () => {
    await smtp.close();
  });

  it('unsubscribes with an RFC 8058 one-click POST, idempotently', async () => {
    const first = await app.request(`${BASE}/unsubscribe?token=${token}`, ONE_CLICK);
    expect(first.status).toBe(200);
    const after = await getSubscriber(t.deps, 'ana@example.com');
    expect(after).toMatchObject({
      status: 'unsubscribed',
      unsubscribedAt: '2026-12-01T10:00:00.000Z',
    });

    t.clock.advance(60_000);
    const second = await app.request(`${BASE}/unsubscribe?token=${token}`, ONE_CLICK);
    expect(second.status).toBe(200);
    expect(await getSubscriber(t.deps, 'ana@example.com')).toEqual(after);
  });

  it.each([
    [
      'a flipped signature character',
      (s: string) => s.slice(0, -1) + (s.endsWith('A') ? 'B' : 'A'),
    ],
    ['another subscriber id', (s: string) => s.replace(/\.[0-9a-f]{32}\./, `.${'0'.repeat(32)}.`)],
    ['garbage', () => 'hello'],
  ])('rejects a forged token (%s) with 400 and changes nothing', async (_name, forge) => {
    const res = await app.request(`${BASE}/unsubscribe?token=${forge(token)}`, ONE_CLICK);
    expect(res.status).toBe(400);
    expect((await res.json()).error.code).toBe('bad_request');
    expect((await getSubscriber(t.deps, 'ana@example.com'))?.status).toBe('confirmed');
  });

  it('rejects a token signed for another shop', async () => {
    const subscriberId = subscriberIdOf(t.deps.secretKey, SHOP, 'ana@example.com');
    const foreign = signToken(t.deps.secretKey, 'other-shop', { purpose: 'u', subscriberId });
    const res = await app.request(`${BASE}/unsubscribe?token=${foreign}`, ONE_CLICK);
    expect(res.status).toBe(400);
  });

  it('unsubscribes from the footer link without a second click', async () => {
    const page = await app.request(`${BASE}/unsubscribe?token=${token}`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('You have unsubscribed');
    expect(html).not.toContain('<form');
    expect((await getSubscriber(t.deps, 'ana@example.com'))?.status).toBe('unsubscribed');
    const forged = await app.request(`${BASE}/unsubscribe?token=x${token}`);
    expect(forged.status).toBe(400);
  });

  it('emails a data link only to a known address, then exports and erases the data', async () => {
    const known = await app.request(`${BASE}/data-request`, json({ email: 'ana@example.com' }));
    const unknown = await app.request(`${BASE}/data-request`, json({ email: 'x@example.com' }));
    expect(known.status).toBe(202);
    expect(await known.json()).toEqual(await unknown.json());
    await drain(t.deps);

    const [mail] = await smtp.waitFor(1);
    expect(smtp.mails).toHaveLength(1);
    expect(mail!.parsed.subject).toBe('Your data in the newsletter of Horno Bueño');
    const link = new URL(/https:\/\/\S+\/data\?token=[\w.-]+/.exec(mail!.parsed.text ?? '')![0]);

    const data = await app.request(`${link.pathname}${link.search}`);
    expect(data.status).toBe(200);
    expect((await data.json()).subscriber).toMatchObject({
      email: 'ana@example.com',
      status: 'confirmed',
      consent: { ip: '203.0.113.9', source: 'storefront' },
    });

    const erase = await app.request(`/api/shops/${SHOP}/newsletter/erase${link.search}`, {
      method: 'POST',
    });
    expect(erase.status).toBe(200);
    const erased = await getSubscriber(t.deps, 'ana@example.com');
    expect(erased).toMatchObject({ status: 'erased', email: '', consent: null, tags: [] });
    expect(JSON.stringify(erased)).not.toContain('ana@');
    expect((await app.request(`${link.pathname}${link.search}`)).status).toBe(404);
  });
});
