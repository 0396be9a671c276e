import type { Hono } from 'hono';
import { registerAdminRoutes } from '../admin/routes.ts';
import { meterInvocations } from '../cost/invocation-meter.ts';
import { registerCostRoutes } from '../cost/routes.ts';
import type { Deps } from '../deps.ts';
import { registerHealthRoutes } from '../health/routes.ts';
import { createApp } from '../http/app.ts';
import type { AppEnv } from '../http/types.ts';
import { registerInventoryAdminRoutes } from '../inventory/admin-routes.ts';
import { registerNewsletterAdminRoutes } from '../newsletter/routes/admin-routes.ts';
import { registerOdooAdminRoutes } from '../odoo/routes.ts';
import { registerOrderAdminRoutes } from '../orders/admin-routes.ts';
import { registerProductionAdminRoutes } from '../production/routes.ts';
import { traceProjectOf } from './storefront-api.ts';

/** The merchant admin API under /api/admin; every route is scoped by the session's shop. */
export function createAdminApi(deps: Deps): Hono<AppEnv> {
  const app = createApp(deps.log, { traceProject: traceProjectOf(deps) });
  app.use(meterInvocations(deps.usage));
  registerHealthRoutes(app, deps, '/api/admin');
  registerAdminRoutes(app, deps);
  registerCostRoutes(app, deps);
  registerOrderAdminRoutes(app, deps);
  registerInventoryAdminRoutes(app, deps);
  registerNewsletterAdminRoutes(app, deps);
  registerOdooAdminRoutes(app, deps);
  registerProductionAdminRoutes(app, deps);
  return app;
}
