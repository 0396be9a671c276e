import { Hono } from 'hono';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { addMember } from '../../functions/admin/auth/add-member.ts';
import { writeSessionCookie } from '../../functions/admin/auth/cookie.ts';
import { purgeExpiredAuth } from '../../functions/admin/auth/purge-expired.ts';
import { createAdminApi } from '../../functions/apps/admin-api.ts';
import { loadConfig } from '../../functions/core/config.ts';
import { signInMember } from '../support/admin-session.ts';
import { createTestDeps } from '../support/deps.ts';
import { startTestSmtp } from '../support/smtp.ts';

const json = { 'content-type': 'application/json' };

describe('admin sign-in', () => {
  let smtp: Awaited<ReturnType<typeof startTestSmtp>>;
  let t: Awaited<ReturnType<typeof createTestDeps>>;
  let app: ReturnType<typeof createAdminApi>;

  beforeAll(async () => {
    smtp = await startTestSmtp();
  });
  beforeEach(async () => {
    smtp.mails.length = 0;
    t = await createTestDeps({ smtpUrl: smtp.url });
    app = createAdminApi(t.deps);
    await addMember(t.deps, { shopId: 'bakery', email: 'Ana@Example.com', role: 'owner' });
  });
  afterEach(async () => {
    await t.close();
  });
  afterAll(async () => {
    await smtp.close();
  });

  async function requestLink(email: string, ip = '203.0.113.7', locale = 'es') {
    return app.request('/api/admin/auth/link', {
      method: 'POST',
      headers: { ...json, 'x-forwarded-for': ip },
      body: JSON.stringify({ email, locale }),
    });
  }

  async function linkTokenFromMail(index: number): Promise<string> {
    const mails = await smtp.waitFor(index + 1);
    const text = mails[index]!.parsed.text ?? '';
    const match = /sign-in\.html\?token=([A-Za-z0-9_-]+)/.exec(text);
    if (!match) throw new Error(`no link in mail: ${text}`);
    return match[1]!;
  }

  function verify(token: string, cookie?: string) {
    return app.request('/api/admin/auth/verify', {
      method: 'POST',
      headers: { ...json, ...(cookie ? { cookie } : {}) },
      body: JSON.stringify({ token }),
    });
  }

  it('emails a link that signs in once, with a hardened session cookie', async () => {
    expect((await requestLink('ana@example.com')).status).toBe(202);
    const token = await linkTokenFromMail(0);
    expect(smtp.mails[0]!.parsed.subject).toBe('Tu enlace para entrar en Kontá');

    const first = await verify(token);
    expect(first.status).toBe(200);
    const setCookie = first.headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(/konta_session=/);
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Lax/);
    const cookie = setCookie.split(';')[0]!;

    const session = await app.request('/api/admin/session', { headers: { cookie } });
    expect(session.status).toBe(200);
    const body = (await session.json()) as { shopId: string; role: string; csrfToken: string };
    expect(body).toMatchObject({ shopId: 'bakery', role: 'owner' });
    expect(body.csrfToken.length).toBeGreaterThan(20);

    const reused = await verify(token);
    expect(reused.status).toBe(401);
  });

  it('stores link and session tokens only as hashes', async () => {
    await requestLink('ana@example.com');
    const token = await linkTokenFromMail(0);
    const cookie = ((await verify(token)).headers.get('set-cookie') ?? '').split(';')[0]!;
    const raw = cookie.split('=')[1]!;
    const links = await t.deps.store.query({ collection: 'signInLinks' });
    const sessions = await t.deps.store.query({ collection: 'sessions' });
    const everything = JSON.stringify([links, sessions]);
    expect(everything).not.toContain(token);
    expect(everything).not.toContain(raw);
    expect(sessions).toHaveLength(1);
  });

  it('rejects a link after 15 minutes', async () => {
    await requestLink('ana@example.com');
    const token = await linkTokenFromMail(0);
    t.clock.advance(15 * 60_000 + 1);
    const res = await verify(token);
    expect(res.status).toBe(401);
    expect(((await res.json()) as { error: { details: unknown } }).error.details).toEqual({
      reason: 'link_invalid',
    });
  });

  it('answers the same for an unknown address and sends nothing', async () => {
    const res = await requestLink('nobody@example.com');
    expect(res.status).toBe(202);
    await new Promise((r) => setTimeout(r, 100));
    expect(smtp.mails).toHaveLength(0);
  });

  it('writes the link email in English when asked', async () => {
    await requestLink('ana@example.com', '203.0.113.7', 'en');
    const [mail] = await smtp.waitFor(1);
    expect(mail!.parsed.subject).toBe('Your Kontá sign-in link');
  });

  it('limits link requests per email to 5 in 15 minutes, then 429', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 6; i += 1) {
      statuses.push((await requestLink('nobody@example.com', `198.51.100.${i}`)).status);
    }
    expect(statuses).toEqual([202, 202, 202, 202, 202, 429]);
    const body = (await (await requestLink('nobody@example.com', '198.51.100.9')).json()) as {
      error: { code: string };
    };
    expect(body.error.code).toBe('rate_limited');
    t.clock.advance(15 * 60_000);
    expect((await requestLink('nobody@example.com', '198.51.100.10')).status).toBe(202);
  });

  it('limits link requests per IP to 20 in 15 minutes, then 429', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 21; i += 1) {
      statuses.push((await requestLink(`x${i}@example.com`, '192.0.2.1')).status);
    }
    expect(statuses.slice(0, 20).every((s) => s === 202)).toBe(true);
    expect(statuses[20]).toBe(429);
  });

  it('refuses a state-changing request without the CSRF token', async () => {
    const { headers } = await signInMember(t.deps, 'bakery');
    const without = await app.request('/api/admin/session/sign-out', {
      method: 'POST',
      headers: { cookie: headers.cookie! },
    });
    expect(without.status).toBe(403);
    expect(((await without.json()) as { error: { code: string } }).error.code).toBe('csrf_failed');
    const wrong = await app.request('/api/admin/session/sign-out', {
      method: 'POST',
      headers: { cookie: headers.cookie!, 'x-csrf-token': 'nope' },
    });
    expect(wrong.status).toBe(403);
    const right = await app.request('/api/admin/session/sign-out', { method: 'POST', headers });
    expect(right.status).toBe(200);
  });

  it('rejects requests without a session', async () => {
    const res = await app.request('/api/admin/session');
    expect(res.status).toBe(401);
  });

  it('rotates the session on sign-in: the previous cookie stops working', async () => {
    const old = await signInMember(t.deps, 'bakery', 'owner', 'ana@example.com');
    await requestLink('ana@example.com');
    const token = await linkTokenFromMail(0);
    const res = await verify(token, old.headers.cookie);
    expect(res.status).toBe(200);
    const before = await app.request('/api/admin/session', { headers: old.headers });
    expect(before.status).toBe(401);
  });

  it('signs out everywhere', async () => {
    const a = await signInMember(t.deps, 'bakery', 'owner', 'ana@example.com');
    const b = await signInMember(t.deps, 'bakery', 'owner', 'ana@example.com');
    const res = await app.request('/api/admin/session/sign-out-everywhere', {
      method: 'POST',
      headers: a.headers,
    });
    expect(((await res.json()) as { signedOut: number }).signedOut).toBe(2);
    expect((await app.request('/api/admin/session', { headers: b.headers })).status).toBe(401);
  });

  it('lets a member switch only to shops they belong to', async () => {
    const a = await signInMember(t.deps, 'bakery', 'owner', 'ana@example.com');
    await addMember(t.deps, { shopId: 'prints', email: 'ana@example.com', role: 'staff' });
    const put = (shopId: string) =>
      app.request('/api/admin/session/shop', {
        method: 'PUT',
        headers: { ...a.headers, ...json },
        body: JSON.stringify({ shopId }),
      });
    expect((await put('other')).status).toBe(403);
    expect((await put('prints')).status).toBe(200);
    const session = (await (
      await app.request('/api/admin/session', { headers: a.headers })
    ).json()) as { shopId: string; role: string; shops: unknown[] };
    expect(session).toMatchObject({ shopId: 'prints', role: 'staff' });
    expect(session.shops).toHaveLength(2);
  });

  it('purges expired links, sessions and rate-limit windows, and nothing live', async () => {
    await requestLink('ana@example.com');
    await linkTokenFromMail(0);
    const live = await signInMember(t.deps, 'bakery');
    t.clock.advance(16 * 60_000);
    expect(await purgeExpiredAuth(t.deps)).toEqual({ sessions: 0, signInLinks: 1, rateLimits: 2 });
    expect((await app.request('/api/admin/session', { headers: live.headers })).status).toBe(200);
    t.clock.advance(7 * 24 * 3600_000);
    expect(await purgeExpiredAuth(t.deps)).toMatchObject({ sessions: 1 });
  });
});

describe('session cookie', () => {
  async function cookieFor(env: 'local' | 'dev' | 'prod'): Promise<string> {
    const config = loadConfig({ KONTA_ENV: env, SECRET_KEY: 'k'.repeat(32) });
    const app = new Hono().get('/', (c) => {
      writeSessionCookie(c, config, 'token');
      return c.text('ok');
    });
    return (await app.request('/')).headers.get('set-cookie') ?? '';
  }

  it('is Secure outside the local stack and tests, which run on plain http', async () => {
    for (const env of ['dev', 'prod'] as const) {
      expect(await cookieFor(env)).toMatch(/; Secure/);
    }
    expect(await cookieFor('local')).not.toMatch(/Secure/);
  });
});
