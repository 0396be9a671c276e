import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { registerAdminRoutes } from '../../functions/admin/routes.ts';
import { createShop } from '../../functions/admin/shops/create-shop.ts';
import { createApp } from '../../functions/http/app.ts';
import { adminRequest, signIn } from '../support/admin-session.ts';
import { createTestDeps } from '../support/deps.ts';

describe('admin settings, dashboard and publish', () => {
  let t: Awaited<ReturnType<typeof createTestDeps>>;
  let app: ReturnType<typeof createApp>;
  let owner: Record<string, string>;
  let staff: Record<string, string>;
  let published: string[];

  beforeEach(async () => {
    t = await createTestDeps({ now: '2026-12-01T10:00:00.000Z' });
    published = [];
    app = createApp(t.deps.log);
    registerAdminRoutes(app, t.deps, {
      publisher: async (shopId) => {
        published.push(shopId);
        return { products: 3, ms: 12 };
      },
    });
    await createShop(t.deps, { id: 'bakery', name: 'Horno', contactEmail: 'h@x.es' });
    owner = await signIn(t.deps, 'bakery', 'owner');
    staff = await signIn(t.deps, 'bakery', 'staff');
  });
  afterEach(async () => {
    await t.close();
  });

  it('saves Stripe keys sealed and never returns the secrets in full', async () => {
    const keys = {
      publishableKey: 'pk_test_51Abcdefgh',
      secretKey: 'sk_test_51SuperSecretValue9876',
      webhookSecret: 'whsec_AnotherSecret1234',
    };
    const put = await adminRequest(app, owner, 'PUT', '/api/admin/settings/stripe', keys);
    expect(await put.json()).toMatchObject({
      secretKey: 'sk_test_…9876',
      webhookSecret: 'whsec_…1234',
    });
    const all = await (await adminRequest(app, owner, 'GET', '/api/admin/settings')).text();
    expect(all).not.toContain('SuperSecretValue');
    const stored = JSON.stringify((await t.deps.store.get('shops/bakery/secrets/stripe')).data);
    expect(stored).not.toContain('SuperSecretValue');

    const keep = await adminRequest(app, owner, 'PUT', '/api/admin/settings/stripe', {
      publishableKey: 'pk_test_51Changed1',
    });
    expect(await keep.json()).toMatchObject({ secretKey: 'sk_test_…9876' });
    const denied = await adminRequest(app, staff, 'PUT', '/api/admin/settings/stripe', keys);
    expect(denied.status).toBe(403);
  });

  it('validates each settings section against the shop schema', async () => {
    const ok = await adminRequest(app, staff, 'PUT', '/api/admin/settings/shipping', {
      shippingMethods: [
        {
          kind: 'pickup',
          id: 'obrador',
          name: { es: 'Recogida en el obrador' },
          address: 'Calle Mayor 1',
          weekdays: [2, 3, 4, 5, 6],
          slots: [{ id: 'manana', from: '09:00', to: '13:00' }],
        },
      ],
    });
    expect(ok.status).toBe(200);
    const bad = await adminRequest(app, staff, 'PUT', '/api/admin/settings/languages', {
      locales: ['es'],
      defaultLocale: 'en',
    });
    expect(bad.status).toBe(400);
    const theme = await adminRequest(app, staff, 'PUT', '/api/admin/settings/theme', {
      primaryColor: '#112233',
      accentColor: '#445566',
    });
    expect(((await theme.json()) as { theme: object }).theme).toEqual({
      primaryColor: '#112233',
      accentColor: '#445566',
    });
  });

  it('counts today, 30 days, low stock, pending production and newsletter growth', async () => {
    const s = t.deps.store;
    const order = (id: string, createdAt: string, status: string, total: number) =>
      s.set(`shops/bakery/orders/${id}`, { id, createdAt, status, totals: { total }, payment: {} });
    await order('o1', '2026-12-01T08:00:00.000Z', 'paid', 1200);
    await order('o2', '2026-11-20T08:00:00.000Z', 'in_production', 3000);
    await order('o3', '2026-12-01T09:00:00.000Z', 'pending_payment', 999);
    await order('o4', '2026-10-01T09:00:00.000Z', 'completed', 5000);
    const stock = (sku: string, available: number, reorderPoint?: number) =>
      s.set(`shops/bakery/stock/${sku}`, {
        sku,
        productId: 'p',
        available,
        reserved: 0,
        sold: 0,
        updatedAt: '2026-12-01T00:00:00.000Z',
        ...(reorderPoint === undefined ? {} : { reorderPoint }),
      });
    await stock('LOW', 2);
    await stock('OK', 10);
    await stock('REORDER', 8, 10);
    await s.set('shops/bakery/subscribers/s1', {
      status: 'confirmed',
      createdAt: '2026-11-30T10:00:00.000Z',
    });
    await s.set('shops/bakery/subscribers/s2', {
      status: 'pending',
      createdAt: '2026-11-30T11:00:00.000Z',
    });

    const res = await adminRequest(app, staff, 'GET', '/api/admin/dashboard');
    const d = (await res.json()) as Record<string, unknown> & {
      daily: { date: string; orders: number; revenue: number }[];
    };
    expect(d).toMatchObject({
      today: { orders: 1, revenue: 1200 },
      last30: { orders: 2, revenue: 4200 },
      pendingProduction: { paid: 1, inProduction: 1 },
      newsletter: { last30: 1 },
    });
    expect(d.daily).toHaveLength(30);
    // The chart's bars: one per day, paid revenue on its day, unpaid and older orders not.
    const byDay = Object.fromEntries(d.daily.map((day) => [day.date, [day.orders, day.revenue]]));
    expect(byDay).toMatchObject({ '2026-12-01': [1, 1200], '2026-11-20': [1, 3000] });
    expect(d.daily.reduce((sum, day) => sum + day.revenue, 0)).toBe(4200);
    expect((d.lowStock as { sku: string }[]).map((l) => l.sku).sort()).toEqual(['LOW', 'REORDER']);
  });

  it('publishes the session shop and reports the last publish time', async () => {
    const run = await adminRequest(app, owner, 'POST', '/api/admin/publish');
    expect(await run.json()).toMatchObject({ status: 'published', products: 3 });
    expect(published).toEqual(['bakery']);
    const info = (await (await adminRequest(app, owner, 'GET', '/api/admin/publish')).json()) as {
      lastPublished: { finishedAt: string };
    };
    expect(info.lastPublished.finishedAt).toBe('2026-12-01T10:00:00.000Z');
  });
});
