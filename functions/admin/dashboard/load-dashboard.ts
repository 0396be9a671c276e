import type { Deps } from '../../deps.ts';
import type { DocSnapshot, Query } from '../../store/port.ts';

const DAY_MS = 24 * 3600_000;
/** Orders that did not end up as money: never paid, or called off before payment. */
const NOT_REVENUE = new Set(['pending_payment', 'cancelled']);

export interface DayPoint {
  date: string;
  orders: number;
  revenue: number;
}

async function queryAll(deps: Pick<Deps, 'store'>, query: Query): Promise<DocSnapshot[]> {
  const all: DocSnapshot[] = [];
  let startAfter: DocSnapshot | undefined;
  for (;;) {
    const page = await deps.store.query({
      ...query,
      limit: 500,
      ...(startAfter ? { startAfter } : {}),
    });
    all.push(...page);
    if (page.length < 500) return all;
    startAfter = page.at(-1);
  }
}

function dayOf(iso: string, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone }).format(new Date(iso));
}

/**
 * The dashboard's figures for the member's shop: orders and revenue today and per day over the
 * last 30 days (in the shop's time zone), SKUs at or below their reorder point, orders waiting
 * for production, and newsletter sign-ups per day. Revenue is gross, net of refunds.
 */
export async function loadDashboard(deps: Pick<Deps, 'store' | 'clock'>, shopId: string) {
  const now = deps.clock.now();
  const shop = (await deps.store.get(`shops/${shopId}`)).data as
    | { settings?: { timeZone?: string; lowStockThreshold?: number } }
    | undefined;
  const timeZone = shop?.settings?.timeZone ?? 'Europe/Madrid';
  const threshold = shop?.settings?.lowStockThreshold ?? 3;
  const since = new Date(now.getTime() - 30 * DAY_MS).toISOString();

  const days = new Map<string, DayPoint>();
  for (let i = 29; i >= 0; i -= 1) {
    const date = dayOf(new Date(now.getTime() - i * DAY_MS).toISOString(), timeZone);
    days.set(date, { date, orders: 0, revenue: 0 });
  }
  const orders = await queryAll(deps, {
    collection: `shops/${shopId}/orders`,
    where: [{ field: 'createdAt', op: '>=', value: since }],
    orderBy: [{ field: 'createdAt' }],
  });
  for (const snap of orders) {
    const o = snap.data as {
      status: string;
      createdAt: string;
      totals: { total: number };
      payment?: { refunded?: number };
    };
    const point = days.get(dayOf(o.createdAt, timeZone));
    if (!point || NOT_REVENUE.has(o.status)) continue;
    point.orders += 1;
    point.revenue += o.totals.total - (o.payment?.refunded ?? 0);
  }
  const daily = [...days.values()];
  const today = daily.at(-1)!;

  const stock = await deps.store.query({
    collection: `shops/${shopId}/stock`,
    where: [{ field: 'available', op: '<=', value: Math.max(threshold, 20) }],
    orderBy: [{ field: 'available' }],
    limit: 200,
  });
  const lowStock = stock
    .map(
      (s) => s.data as { sku: string; productId: string; available: number; reorderPoint?: number },
    )
    .filter((s) => s.available <= (s.reorderPoint ?? threshold))
    .slice(0, 50);

  const pending = await deps.store.query({
    collection: `shops/${shopId}/orders`,
    where: [{ field: 'status', op: 'in', value: ['paid', 'in_production'] }],
    limit: 500,
  });

  const signups = await queryAll(deps, {
    collection: `shops/${shopId}/subscribers`,
    where: [{ field: 'createdAt', op: '>=', value: since }],
    orderBy: [{ field: 'createdAt' }],
  });
  const growth = new Map([...days.keys()].map((d) => [d, 0]));
  for (const s of signups) {
    const day = dayOf(String(s.data?.createdAt), timeZone);
    if (growth.has(day) && s.data?.status !== 'pending') growth.set(day, growth.get(day)! + 1);
  }

  return {
    timeZone,
    today: { orders: today.orders, revenue: today.revenue },
    last30: {
      orders: daily.reduce((n, d) => n + d.orders, 0),
      revenue: daily.reduce((n, d) => n + d.revenue, 0),
    },
    daily,
    lowStock,
    pendingProduction: {
      paid: pending.filter((s) => s.data?.status === 'paid').length,
      inProduction: pending.filter((s) => s.data?.status === 'in_production').length,
    },
    newsletter: {
      last30: [...growth.values()].reduce((a, b) => a + b, 0),
      daily: [...growth].map(([date, count]) => ({ date, count })),
    },
  };
}
