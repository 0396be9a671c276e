import type { Hono } from 'hono';
import { meterInvocations } from '../cost/invocation-meter.ts';
import type { Deps } from '../deps.ts';
import { registerHealthRoutes } from '../health/routes.ts';
import { createApp } from '../http/app.ts';
import { mountLazy } from '../http/lazy-routes.ts';
import type { AppEnv } from '../http/types.ts';

const SHOP = '/api/shops/:shopId';

/**
 * Public API the storefronts call: catalog reads, availability, checkout, order status,
 * newsletter forms. Each domain loads on its first request (see `mountLazy`).
 */
export function createStorefrontApi(deps: Deps): Hono<AppEnv> {
  const app = createApp(deps.log, { traceProject: traceProjectOf(deps) });
  app.use(meterInvocations(deps.usage));
  registerHealthRoutes(app, deps, '/api');
  mountLazy(
    app,
    deps,
    [`${SHOP}/products`, `${SHOP}/products/*`, `${SHOP}/collections`, `${SHOP}/availability`],
    async () => (await import('../catalog/routes.ts')).registerCatalogRoutes,
  );
  mountLazy(
    app,
    deps,
    [`${SHOP}/checkout`, `${SHOP}/orders/*`],
    async () => (await import('../checkout/routes.ts')).registerCheckoutRoutes,
  );
  mountLazy(
    app,
    deps,
    [`${SHOP}/newsletter/*`],
    async () =>
      (await import('../newsletter/routes/public-routes.ts')).registerNewsletterPublicRoutes,
  );
  return app;
}

export function traceProjectOf(deps: Deps): string | undefined {
  return deps.config.store.kind === 'firestore' ? deps.config.store.projectId : undefined;
}
