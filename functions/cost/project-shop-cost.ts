import type { Clock } from '../core/clock.ts';
import type { Store } from '../store/port.ts';
import type { PriceTable } from './prices.ts';
import { type CostProjection, projectCost } from './project-cost.ts';
import { toMonth, type Usage } from './usage.ts';
import { monthOf, readUsage } from './usage-store.ts';

export interface ShopCostReport extends CostProjection {
  shopId: string;
  month: string;
  /** Days of the month the usage covers; the projection scales them to 30. */
  daysMeasured: number;
  measured: Usage;
  projected: Usage;
}

/**
 * Projects a shop's monthly cost from the usage recorded so far this month (or a past month,
 * whole). Hosting bytes are served by Firebase Hosting, not the functions, so they come from
 * `hostingBytes` (Cloud Monitoring) when given.
 */
export async function projectShopCost(
  deps: { store: Store; clock: Clock },
  shopId: string,
  prices: PriceTable,
  options: { month?: string; hostingBytes?: number } = {},
): Promise<ShopCostReport> {
  const now = deps.clock.now();
  const month = options.month ?? monthOf(now);
  const measured = await readUsage(deps.store, shopId, month);
  if (options.hostingBytes !== undefined) measured.hostingBytes = options.hostingBytes;

  const current = month === monthOf(now);
  const elapsed = (now.getTime() - Date.parse(`${month}-01T00:00:00Z`)) / 86_400_000;
  const daysMeasured = current ? Math.max(1, Math.round(elapsed * 10) / 10) : 30;
  const projected = toMonth(measured, daysMeasured);
  return { shopId, month, daysMeasured, measured, projected, ...projectCost(projected, prices) };
}
