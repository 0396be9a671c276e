import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createAdminApi } from '../../functions/apps/admin-api.ts';
import { createStorefrontApi } from '../../functions/apps/storefront-api.ts';
import { runCli } from '../../functions/cli/konta.ts';
import { InvocationMeter } from '../../functions/cost/invocation-meter.ts';
import { loadPrices } from '../../functions/cost/prices.ts';
import { projectCost } from '../../functions/cost/project-cost.ts';
import { emptyUsage } from '../../functions/cost/usage.ts';
import { flushUsage, readUsage } from '../../functions/cost/usage-store.ts';
import { BAKERY } from '../../functions/local/seed/bakery.ts';
import { seedDemoShops } from '../../functions/local/seed/seed-demo-shops.ts';
import { signIn } from '../support/admin-session.ts';
import { createTestDeps } from '../support/deps.ts';

const prices = loadPrices();
const SHOP = BAKERY.shop.id;

describe('price table', () => {
  it('gives a source for every group and the date the prices were checked', () => {
    expect(prices.checkedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    for (const group of [prices.firestore, prices.functions, prices.hosting, prices.email]) {
      expect(group.source.length).toBeGreaterThan(10);
    }
    expect(prices.eurPerUsd.rate).toBeGreaterThan(0.5);
  });
});

describe('projectCost', () => {
  it('prices each resource, deducts the free tiers, and puts email on its own line', () => {
    const usage = {
      ...emptyUsage(),
      reads: 2_000_000,
      writes: 100_000,
      deletes: 0,
      invocations: 3_000_000,
      computeMs: 200_000_000,
      hostingBytes: 20e9,
      emails: 4_000,
    };
    const p = projectCost(usage, loadPrices({ emailPer1000: 0.5 }));
    const line = (item: string) => [...p.lines, p.email].find((l) => l.item === item)!;
    const eur = prices.eurPerUsd.rate;
    expect(line('firestore reads').eur).toBeCloseTo(20 * 0.06 * eur, 4);
    expect(line('firestore reads').eurWithFreeTier).toBeCloseTo(5 * 0.06 * eur, 4);
    expect(line('firestore writes').eurWithFreeTier).toBe(0);
    expect(line('function invocations').eurWithFreeTier).toBeCloseTo(1 * 0.4 * eur, 4);
    expect(line('function cpu').quantity).toBe(200_000);
    expect(line('function cpu').eurWithFreeTier).toBeCloseTo(20_000 * 0.000024 * eur, 4);
    expect(line('hosting transfer').eurWithFreeTier).toBeCloseTo((20 - 10.8) * 0.15 * eur, 4);
    expect(line('email delivery').eur).toBeCloseTo(4 * 0.5 * eur, 4);
    expect(p.emailEurPerMonth).toBe(line('email delivery').eur);
    const cloud = p.lines.reduce((n, l) => n + l.eur, 0);
    expect(p.lines.map((l) => l.item)).not.toContain('email delivery');
    expect(p.eurPerMonth).toBeCloseTo(cloud, 3);
    expect(p.totalEurPerMonth).toBeCloseTo(cloud + p.emailEurPerMonth, 3);
    expect(p.eurPerMonthWithFreeTier).toBeLessThan(p.eurPerMonth);
  });
});

describe('usage metering in the functions', () => {
  let t: Awaited<ReturnType<typeof createTestDeps>>;
  const usage = new InvocationMeter();
  beforeAll(async () => {
    t = await createTestDeps({ now: '2026-12-10T12:00:00.000Z' });
    await seedDemoShops(t.deps, [BAKERY]);
    t.deps.store.meter.reset();
  });
  afterAll(async () => {
    await t.close();
  });

  it('counts storefront and admin invocations against their shop, rounded to 100 ms', async () => {
    const deps = { ...t.deps, usage };
    const storefront = createStorefrontApi(deps);
    const admin = createAdminApi(deps);
    const headers = await signIn(t.deps, SHOP);
    usage.reset();

    expect((await storefront.request(`/api/shops/${SHOP}/products`)).status).toBe(200);
    expect((await storefront.request(`/api/shops/${SHOP}/collections`)).status).toBe(200);
    expect((await admin.request('/api/admin/dashboard', { headers })).status).toBe(200);
    expect((await storefront.request('/api/healthz')).status).toBe(200);

    const counts = usage.snapshot();
    expect(counts[SHOP]?.invocations).toBe(3);
    expect(counts[SHOP]!.computeMs % 100).toBe(0);
    expect(counts[SHOP]!.computeMs).toBeGreaterThanOrEqual(300);
    expect(counts._platform?.invocations).toBe(1);
  });

  it('flushes usage into the month document and projects it in the admin API and CLI', async () => {
    const deps = { ...t.deps, usage };
    const reads = t.deps.store.meter.snapshot()[SHOP]!.reads;
    expect(reads).toBeGreaterThan(0);
    await flushUsage(deps);
    const stored = await readUsage(t.deps.store, SHOP, '2026-12');
    expect(stored).toMatchObject({ reads, invocations: 3 });

    usage.record(SHOP, 40);
    await flushUsage(deps);
    expect((await readUsage(t.deps.store, SHOP, '2026-12')).invocations).toBe(4);

    const headers = await signIn(t.deps, SHOP);
    const res = await createAdminApi(deps).request('/api/admin/cost', { headers });
    expect(res.status).toBe(200);
    const report = (await res.json()) as {
      shopId: string;
      daysMeasured: number;
      projected: { invocations: number };
      email: { item: string };
      eurPerMonth: number;
      eurPerMonthWithFreeTier: number;
    };
    expect(report.shopId).toBe(SHOP);
    expect(report.daysMeasured).toBe(9.5);
    expect(report.projected.invocations).toBe(Math.round((4 * 30) / 9.5));
    expect(report.email.item).toBe('email delivery');
    expect(report.eurPerMonthWithFreeTier).toBe(0);
    expect(report.eurPerMonth).toBeGreaterThan(0);

    const out = vi.spyOn(console, 'log').mockImplementation(() => {});
    expect(await runCli(['cost:report', '--shop', SHOP, '--hosting-gb', '2'], t.deps)).toBe(0);
    const printed = out.mock.calls.map((c) => String(c[0])).join('\n');
    out.mockRestore();
    // 2 GB in 9.5 days, scaled to 30.
    expect(printed).toMatch(/hosting transfer\s+6\.316 GB/);
    expect(printed).toMatch(/with free tier\s+\d+\.\d{4} EUR\/month/);
  });

  it('refuses the cost endpoint without a session', async () => {
    const res = await createAdminApi(t.deps).request('/api/admin/cost');
    expect(res.status).toBe(401);
  });
});
