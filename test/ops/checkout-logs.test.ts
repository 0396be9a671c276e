import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAdminApi } from '../../functions/apps/admin-api.ts';
import { createJobsApp } from '../../functions/apps/jobs.ts';
import { createStorefrontApi } from '../../functions/apps/storefront-api.ts';
import { createWebhooksApp } from '../../functions/apps/webhooks.ts';
import { checkoutBody, postJson, SHOP, seedShop } from '../checkout/fixtures.ts';
import { signIn } from '../support/admin-session.ts';
import { createTestDeps } from '../support/deps.ts';
import { startTestSmtp } from '../support/smtp.ts';
import { type StripeStandin, startStripeStandin } from '../support/stripe-standin/server.ts';

const WEBHOOK_SECRET = 'whsec_test_logs';

type Line = Record<string, unknown>;
const EMAIL = /[^\s@"'<>(),;:]+@[^\s@"'<>(),;:]+\.[A-Za-z]{2,}/;

describe('logs of a full checkout', () => {
  let smtp: Awaited<ReturnType<typeof startTestSmtp>>;
  let stripe: StripeStandin;
  let webhooks: ReturnType<typeof createWebhooksApp>;
  let t: Awaited<ReturnType<typeof createTestDeps>>;
  let raw: string[];
  let requests = 0;

  beforeAll(async () => {
    smtp = await startTestSmtp();
    stripe = await startStripeStandin({
      webhookSecret: WEBHOOK_SECRET,
      now: () => Math.floor(t.clock.now().getTime() / 1000),
      deliver: async (shopId, payload, signature) => {
        requests++;
        const res = await webhooks.request(`/api/webhooks/stripe/${shopId}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'stripe-signature': signature },
          body: payload,
        });
        return res.status;
      },
    });
    t = await createTestDeps({
      smtpUrl: smtp.url,
      env: {
        STRIPE_SECRET_KEY: 'sk_test_logs',
        STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET,
        STRIPE_API_URL: stripe.url,
      },
    });
    await seedShop(t.deps);
    webhooks = createWebhooksApp(t.deps);
    const admin = await signIn(t.deps, SHOP);
    const before = t.logLines().length;
    const storefront = createStorefrontApi(t.deps);
    const adminApi = createAdminApi(t.deps);
    const jobs = createJobsApp(t.deps);
    const drain = async () => {
      requests++;
      return jobs.request('/jobs/outbox/drain', { method: 'POST' });
    };

    // Customer: availability, checkout with newsletter opt-in, status page.
    requests++;
    await storefront.request(`/api/shops/${SHOP}/availability?skus=TEFF-500`);
    requests++;
    const res = await postJson(
      storefront,
      `/api/shops/${SHOP}/checkout`,
      checkoutBody({ newsletter: true }),
    );
    expect(res.status).toBe(201);
    const placed = (await res.json()) as { orderId: string; statusUrl: string };
    const token = new URL(placed.statusUrl).searchParams.get('token');
    requests++;
    await storefront.request(`/api/shops/${SHOP}/orders/${placed.orderId}?token=${token}`);
    expect((await drain()).status).toBe(200);

    // Merchant: marks it paid, then ready for pickup; the outbox sends each email.
    const post = (path: string, body: unknown) => {
      requests++;
      return adminApi.request(path, {
        method: 'POST',
        headers: { ...admin, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    };
    expect((await post(`/api/admin/orders/${placed.orderId}/mark-paid`, {})).status).toBe(200);
    await drain();
    const ready = await post(`/api/admin/orders/${placed.orderId}/status`, {
      to: 'ready_for_pickup',
    });
    expect(ready.status).toBe(200);
    await drain();
    await smtp.waitFor(2);

    // A second customer pays by card: Stripe Checkout, then the signed webhook marks it paid.
    requests++;
    const card = await postJson(
      storefront,
      `/api/shops/${SHOP}/checkout`,
      checkoutBody({
        payment: 'stripe',
        customer: { name: 'Bea', email: 'bea@example.com', locale: 'es' },
      }),
    );
    expect(card.status).toBe(201);
    const sessionId = new URL(((await card.json()) as { redirectUrl: string }).redirectUrl).pathname
      .split('/')
      .at(-1)!;
    const session = stripe.sessions.get(sessionId)!;
    session.status = 'complete';
    session.payment_status = 'paid';
    session.payment_intent = 'pi_test_logs';
    expect(await stripe.send(SHOP, stripe.event('checkout.session.completed', session))).toBe(200);
    await drain();
    await smtp.waitFor(3);

    raw = t
      .logLines()
      .slice(before)
      .map((l) => JSON.stringify(l));
  });

  afterAll(async () => {
    await t.close();
    await stripe.close();
    await smtp.close();
  });

  it('writes JSON lines with severity and message, one access line per request', () => {
    expect(raw.length).toBeGreaterThan(requests);
    const lines = raw.map((l) => JSON.parse(l) as Line);
    for (const line of lines) {
      expect(['DEBUG', 'INFO', 'WARNING', 'ERROR', 'CRITICAL']).toContain(line.severity);
      // A constant lowercase phrase; data goes in fields.
      expect(line.message).toMatch(/^[a-z]/);
      expect(line.message).toBe(String(line.message).toLowerCase());
      expect(line.time).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    }
    const access = lines.filter((l) => l.message === 'request');
    expect(access).toHaveLength(requests);
    const urls = access.map((l) => (l.httpRequest as { requestUrl: string }).requestUrl);
    for (const prefix of ['/api/shops/', '/api/admin/', '/api/webhooks/', '/jobs/']) {
      expect(
        urls.some((u) => u.startsWith(prefix)),
        prefix,
      ).toBe(true);
    }
  });

  it('carries a request id on every line', () => {
    const missing = raw.map((l) => JSON.parse(l) as Line).filter((l) => !l.requestId);
    expect(missing.map((l) => l.message)).toEqual([]);
  });

  it('contains no email address anywhere, though the checkout carried one', () => {
    expect(JSON.stringify(smtp.mails)).toContain('ana@example.com');
    expect(JSON.stringify(smtp.mails)).toContain('bea@example.com');
    const leaks = raw.filter((l) => EMAIL.test(l));
    expect(leaks).toEqual([]);
  });
});
