import type { Hono } from 'hono';
import type { Deps } from '../deps.ts';
import type { AppEnv } from '../http/types.ts';
import { loadPrices } from './prices.ts';
import { projectShopCost } from './project-shop-cost.ts';

/**
 * `GET /api/admin/cost`: the session shop's projected cloud cost for this month, in EUR, with
 * and without the free tiers, line by line (the admin widget renders it).
 */
export function registerCostRoutes(app: Hono<AppEnv>, deps: Deps): void {
  const prices = loadPrices();
  app.get('/api/admin/cost', async (c) => {
    const report = await projectShopCost(deps, c.get('member').shopId, prices);
    return c.json(report);
  });
}
