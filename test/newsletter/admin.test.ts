import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createAdminApi } from '../../functions/apps/admin-api.ts';
import { adminRequest, signIn } from '../support/admin-session.ts';
import { createTestDeps } from '../support/deps.ts';
import { startTestSmtp } from '../support/smtp.ts';
import {
  CONTENT,
  getSubscriber,
  PUBLIC_BASE_URL,
  SHOP,
  seedProduct,
  seedShop,
  seedSubscribers,
} from './fixtures.ts';

const API = '/api/admin/newsletter';

describe('newsletter admin API', () => {
  let smtp: Awaited<ReturnType<typeof startTestSmtp>>;
  let t: Awaited<ReturnType<typeof createTestDeps>>;
  let app: ReturnType<typeof createAdminApi>;
  let owner: Record<string, string>;
  const call = (method: string, path: string, body?: unknown, headers = owner) =>
    adminRequest(app, headers, method, `${API}${path}`, body);

  beforeAll(async () => {
    smtp = await startTestSmtp();
  });
  beforeEach(async () => {
    smtp.mails.length = 0;
    t = await createTestDeps({ smtpUrl: smtp.url, env: { PUBLIC_BASE_URL } });
    await seedShop(t.deps);
    await seedShop(t.deps, 'other-shop');
    await seedProduct(t.deps, 'hogaza');
    app = createAdminApi(t.deps);
    owner = await signIn(t.deps, SHOP);
  });
  afterEach(async () => {
    await t.close();
  });
  afterAll(async () => {
    await smtp.close();
  });

  it('refuses requests without a session', async () => {
    const res = await app.request(`${API}/subscribers`);
    expect(res.status).toBe(401);
  });

  it('lists, searches and tags subscribers of the signed-in shop only', async () => {
    await seedSubscribers(t.deps, [
      { email: 'ana@example.com', status: 'confirmed' },
      { email: 'anabel@example.com', status: 'pending' },
      { email: 'bob@example.com', status: 'confirmed' },
    ]);
    await seedSubscribers(
      t.deps,
      [{ email: 'ana@example.com', status: 'confirmed' }],
      'other-shop',
    );

    const all = await (await call('GET', '/subscribers')).json();
    expect(all.subscribers).toHaveLength(3);
    const search = await (await call('GET', '/subscribers?q=anab')).json();
    expect(search.subscribers.map((s: { email: string }) => s.email)).toEqual([
      'anabel@example.com',
    ]);
    const exact = await (await call('GET', '/subscribers?q=ANA@example.com')).json();
    expect(exact.subscribers).toHaveLength(1);
    const confirmed = await (await call('GET', '/subscribers?status=confirmed&limit=1')).json();
    expect(confirmed.subscribers).toHaveLength(1);
    expect(confirmed.nextCursor).toMatch(/^[0-9a-f]{32}$/);

    const id = exact.subscribers[0].id;
    const tagged = await call('PATCH', `/subscribers/${id}`, { add: ['vip', 'feria 2026'] });
    expect(await tagged.json()).toEqual({ tags: ['vip', 'feria 2026'] });
    const byTag = await (await call('GET', '/subscribers?tag=vip')).json();
    expect(byTag.subscribers.map((s: { email: string }) => s.email)).toEqual(['ana@example.com']);
    const bad = await call('PATCH', `/subscribers/${id}`, { add: ['x\r\nBcc: y'] });
    expect(bad.status).toBe(400);

    const otherOwner = await signIn(t.deps, 'other-shop');
    const foreign = await call('PATCH', `/subscribers/${id}`, { add: ['x'] }, otherOwner);
    expect(foreign.status).toBe(404);
    expect((await getSubscriber(t.deps, 'ana@example.com', 'other-shop'))?.tags).toEqual([]);
  });

  it('imports a CSV with a consent source, marks the contacts imported and exports them', async () => {
    await seedSubscribers(t.deps, [{ email: 'left@example.com', status: 'unsubscribed' }]);
    const csv = [
      'email,consent_source,consented_at,locale,tags',
      'Eva@Example.com,Hoja de firmas del mercado,2025-05-01,es,mercado|vip',
      'left@example.com,Hoja de firmas del mercado,,,',
      'not-an-email,Hoja,,,',
      'noconsent@example.com,,,,',
      '"=HYPERLINK(""x"")@example.com",Hoja de firmas,,,',
    ].join('\n');
    const res = await app.request(`${API}/subscribers/import`, {
      method: 'POST',
      headers: { ...owner, 'content-type': 'text/csv' },
      body: csv,
    });
    const result = await res.json();
    expect(result).toMatchObject({ imported: 1, skipped: 1 });
    expect(result.invalid.map((i: { line: number }) => i.line)).toEqual([4, 5, 6]);

    expect(await getSubscriber(t.deps, 'eva@example.com')).toMatchObject({
      status: 'confirmed',
      imported: true,
      tags: ['mercado', 'vip'],
      consent: {
        source: 'import',
        note: 'Hoja de firmas del mercado',
        at: '2025-05-01T00:00:00.000Z',
      },
    });
    expect((await getSubscriber(t.deps, 'left@example.com'))?.status).toBe('unsubscribed');

    const exported = await call('GET', '/subscribers/export');
    expect(exported.headers.get('content-type')).toMatch(/^text\/csv/);
    const text = await exported.text();
    expect(text.split('\n')[0]).toContain('email,status,locale,tags,consent_source,consent_note');
    expect(text).toContain(
      'eva@example.com,confirmed,es,mercado|vip,import,Hoja de firmas del mercado',
    );
    expect(text).toContain('left@example.com,unsubscribed');
  });

  it('rejects header injection and oversized campaigns with 400 and stores nothing', async () => {
    const injected = await call('POST', '/campaigns', {
      ...CONTENT,
      subject: { es: 'Hola\r\nBcc: todos@example.com' },
    });
    expect(injected.status).toBe(400);
    const putName = await call('PUT', '/settings', { fromName: 'Horno\nBcc: x@example.com' });
    expect(putName.status).toBe(400);
    const huge = await call('POST', '/campaigns', {
      ...CONTENT,
      blocks: [{ type: 'text', markdown: { es: 'x'.repeat(19_000) } }].concat(
        Array.from({ length: 15 }, () => ({ type: 'text', markdown: { es: 'y'.repeat(19_000) } })),
      ),
    });
    expect(huge.status).toBe(413);
    const campaigns = await t.deps.store.query({ collection: `shops/${SHOP}/campaigns` });
    expect(campaigns).toHaveLength(0);
    expect((await t.deps.store.get(`shops/${SHOP}/newsletter/settings`)).exists).toBe(false);
  });

  it('composes, previews, test-sends, sends a campaign and reports its statistics', async () => {
    await seedSubscribers(t.deps, [
      { email: 'ana@example.com', status: 'confirmed', locale: 'en' },
    ]);
    await call('PUT', '/settings', { throttlePerSecond: 0, fromName: 'Horno de Ana' });
    const created = await call('POST', '/campaigns', CONTENT);
    expect(created.status).toBe(201);
    const { id } = await created.json();

    const preview = await (
      await call('POST', '/campaigns/preview', { content: CONTENT, locale: 'en' })
    ).json();
    expect(preview.subject).toBe('Autumn news 🍞');
    expect(preview.html).toContain('Bread hogaza');
    expect(preview.text).toContain('Autumn is here');

    expect(
      (await call('POST', `/campaigns/${id}/test`, { to: 'owner@horno.example' })).status,
    ).toBe(200);
    const [test] = await smtp.waitFor(1);
    expect(test!.parsed.subject).toBe('[TEST] Novedades de otoño: ñandú 🍞');
    expect(test!.parsed.from?.value[0]?.name).toBe('Horno de Ana');
    const count = await (
      await call('POST', '/segments/count', { segment: { kind: 'all' } })
    ).json();
    expect(count).toEqual({ count: 1 });

    const sent = await call('POST', `/campaigns/${id}/send`, {});
    expect((await sent.json()).status).toBe('sending');
    const foreign = await call(
      'POST',
      `/campaigns/${id}/pause`,
      {},
      await signIn(t.deps, 'other-shop'),
    );
    expect(foreign.status).toBe(404);
    const edit = await call('PUT', `/campaigns/${id}`, CONTENT);
    expect(edit.status).toBe(409);

    const { runCampaignQueue } = await import(
      '../../functions/newsletter/campaigns/run-campaign-queue.ts'
    );
    await runCampaignQueue(t.deps);
    await smtp.waitFor(2);
    const campaign = await (await call('GET', `/campaigns/${id}`)).json();
    expect(campaign).toMatchObject({ status: 'sent', stats: { sent: 1, opens: 0, clicks: 0 } });
    const list = await (await call('GET', '/campaigns')).json();
    expect(list.campaigns[0]).toMatchObject({ id, status: 'sent', rendered: null });
  });

  it('drafts a "new products" campaign from recent catalog changes', async () => {
    await seedProduct(t.deps, 'old', { updatedAt: '2026-01-01T00:00:00.000Z' });
    await seedProduct(t.deps, 'borrador', { status: 'draft' });
    const res = await call('POST', '/campaigns/draft-new-products', { days: 14 });
    expect(res.status).toBe(201);
    const draft = await res.json();
    expect(draft.status).toBe('draft');
    expect(draft.blocks.find((b: { type: string }) => b.type === 'products').productIds).toEqual([
      'hogaza',
    ]);
    const none = await call('POST', '/campaigns/draft-new-products', { days: 1 });
    expect(none.status).toBe(404);
  });
});
