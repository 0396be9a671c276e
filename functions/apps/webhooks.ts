import type { Hono } from 'hono';
import { meterInvocations } from '../cost/invocation-meter.ts';
import type { Deps } from '../deps.ts';
import { registerHealthRoutes } from '../health/routes.ts';
import { createApp } from '../http/app.ts';
import type { AppEnv } from '../http/types.ts';
import { registerStripeWebhookRoutes } from '../payments/stripe/webhook-routes.ts';
import { traceProjectOf } from './storefront-api.ts';

/** Payment-provider webhooks under /api/webhooks; bodies are verified on their raw bytes. */
export function createWebhooksApp(deps: Deps): Hono<AppEnv> {
  const app = createApp(deps.log, { traceProject: traceProjectOf(deps) });
  app.use(meterInvocations(deps.usage));
  registerHealthRoutes(app, deps, '/api/webhooks');
  registerStripeWebhookRoutes(app, deps);
  return app;
}
