import type { Hono } from 'hono';
import { registerCatalogRoutes } from '../catalog/routes.ts';
import { registerCheckoutRoutes } from '../checkout/routes.ts';
import { meterInvocations } from '../cost/invocation-meter.ts';
import type { Deps } from '../deps.ts';
import { registerHealthRoutes } from '../health/routes.ts';
import { createApp } from '../http/app.ts';
import type { AppEnv } from '../http/types.ts';
import { registerNewsletterPublicRoutes } from '../newsletter/routes/public-routes.ts';

/** Public API the storefronts call: catalog reads, availability, checkout, newsletter forms. */
export function createStorefrontApi(deps: Deps): Hono<AppEnv> {
  const app = createApp(deps.log, { traceProject: traceProjectOf(deps) });
  app.use(meterInvocations(deps.usage));
  registerHealthRoutes(app, deps, '/api');
  registerCatalogRoutes(app, deps);
  registerCheckoutRoutes(app, deps);
  registerNewsletterPublicRoutes(app, deps);
  return app;
}

export function traceProjectOf(deps: Deps): string | undefined {
  return deps.config.store.kind === 'firestore' ? deps.config.store.projectId : undefined;
}
