import type { Hono } from 'hono';
import type { Deps } from '../../deps.ts';
import type { AppEnv } from '../../http/types.ts';
import { loadDashboard } from './load-dashboard.ts';

export function registerDashboardRoutes(app: Hono<AppEnv>, deps: Deps): void {
  app.get('/api/admin/dashboard', async (c) =>
    c.json(await loadDashboard(deps, c.get('member').shopId)),
  );
}
