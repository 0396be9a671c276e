import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { registerOdooAdminRoutes } from '../../functions/odoo/routes.ts';
import { OUTBOX } from '../../functions/outbox/event.ts';
import { signInMember } from '../support/admin-session.ts';
import { type Standin, startStandin } from '../support/odoo-standin/start-standin.ts';
import { seedPaidOrder, seedProduct, seedShop } from './fixtures.ts';
import { adminAppFor, drain, odooShop } from './harness.ts';

type TestDeps = Awaited<ReturnType<typeof odooShop>>;
const json = (body: unknown, method = 'POST') => ({
  method,
  headers: { 'Content-Type': 'application/json' },
  body: JSON.stringify(body),
});

describe('Odoo admin', () => {
  let odoo: Standin;
  let t: TestDeps;
  beforeAll(async () => {
    odoo = await startStandin({ odooVersion: 18 });
  });
  afterAll(() => odoo.stop());
  afterEach(() => t.close());

  it('is mounted on the admin API behind the session check', async () => {
    t = await odooShop(odoo, 'admin-auth');
    const { createAdminApi } = await import('../../functions/apps/admin-api.ts');
    const api = createAdminApi(t.deps);
    for (const path of ['/api/admin/odoo/settings', '/api/admin/production/tasks']) {
      const response = await api.request(path);
      expect(response.status).toBe(401);
    }

    const owner = await signInMember(t.deps, 'admin-auth');
    const check = await api.request('/api/admin/odoo/test-connection', {
      method: 'POST',
      headers: owner.headers,
    });
    expect(check.status).toBe(200);

    await seedShop(t.deps, 'other-shop');
    const stranger = await signInMember(t.deps, 'other-shop');
    const theirs = await api.request('/api/admin/odoo/settings', { headers: stranger.headers });
    expect(await theirs.json()).toEqual({ settings: null });
  });

  it('saves settings without ever returning the API key, and tests the connection', async () => {
    const shopId = 'admin-ok';
    t = await odooShop(odoo, shopId);
    const app = adminAppFor(t.deps, shopId, registerOdooAdminRoutes);

    const saved = await app.request(
      '/api/admin/odoo/settings',
      json({ url: `${odoo.url}/`, db: odoo.db, login: odoo.login, stockMaster: 'odoo' }, 'PUT'),
    );
    expect(saved.status).toBe(200);
    const body = await saved.text();
    expect(body).not.toContain(odoo.apiKey);
    expect(JSON.parse(body).settings).toMatchObject({ url: odoo.url, apiKeySet: true });
    const stored = JSON.stringify(
      (await t.deps.store.get(`shops/${shopId}/odooSync/settings`)).data,
    );
    expect(stored).not.toContain(odoo.apiKey);

    const check = await app.request('/api/admin/odoo/test-connection', { method: 'POST' });
    expect(check.status).toBe(200);
    expect(await check.json()).toMatchObject({
      ok: true,
      version: '18.0',
      transport: 'xmlrpc',
      storable: { type: 'consu', is_storable: true },
    });
  });

  it('explains wrong credentials in the admin and does not retry them forever', async () => {
    const shopId = 'admin-bad-key';
    t = await odooShop(odoo, shopId, { apiKey: 'not-the-key' });
    const app = adminAppFor(t.deps, shopId, registerOdooAdminRoutes);

    const check = await app.request('/api/admin/odoo/test-connection', { method: 'POST' });
    expect(check.status).toBe(422);
    const { error } = (await check.json()) as {
      error: { code: string; hint: string; message: string };
    };
    expect(error.code).toBe('odoo_auth_failed');
    expect(error.message).toContain('database “konta”');
    expect(error.hint).toContain('Preferences → Account Security → New API Key');

    await seedProduct(t.deps, shopId, {
      id: 'p',
      title: 'Pan',
      variants: [{ sku: 'PAN-1', price: 300, stock: 5 }],
    });
    await seedPaidOrder(t.deps, shopId, {
      id: 'o1',
      number: 'KEY-1',
      lines: [{ sku: 'PAN-1', productId: 'p', title: 'Pan', quantity: 1, unitPrice: 300 }],
    });
    expect(await drain(t.deps)).toMatchObject({ dead: 1, retried: 0 });
    t.clock.advance(24 * 3_600_000);
    expect(await drain(t.deps)).toEqual({ done: 0, retried: 0, dead: 0 });

    const dead = await app.request('/api/admin/odoo/dead-letters');
    const { deadLetters } = (await dead.json()) as {
      deadLetters: { id: string; type: string; attempts: number; lastError: string }[];
    };
    expect(deadLetters).toMatchObject([{ type: 'odoo.push_order', attempts: 1, orderId: 'o1' }]);
    expect(deadLetters[0]!.lastError).toContain('Odoo refused the login and API key');
    const settings = await (await app.request('/api/admin/odoo/settings')).json();
    expect(settings.settings.lastCheck).toMatchObject({ ok: false, code: 'odoo_auth_failed' });

    // The merchant pastes the right key, pushes products and retries: the order arrives once.
    await app.request(
      '/api/admin/odoo/settings',
      json({ url: odoo.url, db: odoo.db, login: odoo.login, apiKey: odoo.apiKey }, 'PUT'),
    );
    await app.request('/api/admin/odoo/push-products', { method: 'POST' });
    expect(await drain(t.deps)).toMatchObject({ done: 1, dead: 0 });
    const retry = await app.request(`/api/admin/odoo/dead-letters/${deadLetters[0]!.id}/retry`, {
      method: 'POST',
    });
    expect(retry.status).toBe(200);
    expect(await drain(t.deps)).toMatchObject({ done: 1, dead: 0 });
    expect(await odoo.records('sale.order', [['client_order_ref', '=', 'KEY-1']])).toHaveLength(1);
  });

  it('reports a product missing in Odoo with its SKU', async () => {
    const shopId = 'admin-missing';
    t = await odooShop(odoo, shopId);
    const app = adminAppFor(t.deps, shopId, registerOdooAdminRoutes);
    await seedProduct(t.deps, shopId, {
      id: 'p',
      title: 'Galletas',
      variants: [{ sku: 'NOT-IN-ODOO-7', price: 250, stock: 5 }],
    });
    await seedPaidOrder(t.deps, shopId, {
      id: 'o1',
      number: 'MISS-1',
      lines: [
        { sku: 'NOT-IN-ODOO-7', productId: 'p', title: 'Galletas', quantity: 2, unitPrice: 250 },
      ],
    });
    expect(await drain(t.deps)).toMatchObject({ dead: 1 });

    const log = await (await app.request('/api/admin/odoo/log')).json();
    const failed = log.entries.find((e: { ok: boolean }) => !e.ok);
    expect(failed).toMatchObject({
      kind: 'push_order',
      summary: { orderId: 'o1' },
      error: { code: 'odoo_product_missing' },
    });
    expect(failed.error.message).toContain('NOT-IN-ODOO-7');
    expect(failed.error.message).toContain('MISS-1');
    const { deadLetters } = await (await app.request('/api/admin/odoo/dead-letters')).json();
    expect(deadLetters[0].lastError).toContain('NOT-IN-ODOO-7');

    // Push products, retry: the order goes through.
    const push = await app.request('/api/admin/odoo/push-products', { method: 'POST' });
    expect(push.status).toBe(202);
    await drain(t.deps);
    await app.request(`/api/admin/odoo/dead-letters/${deadLetters[0].id}/retry`, {
      method: 'POST',
    });
    await drain(t.deps);
    const event = await t.deps.store.get(`${OUTBOX}/${deadLetters[0].id}`);
    expect(event.data?.status).toBe('done');
    expect(await odoo.records('sale.order', [['client_order_ref', '=', 'MISS-1']])).toHaveLength(1);
  });
});
