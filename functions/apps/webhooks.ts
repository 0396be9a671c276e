import type { Hono } from 'hono';
import type { Deps } from '../deps.ts';
import { registerHealthRoutes } from '../health/routes.ts';
import { createApp } from '../http/app.ts';
import type { AppEnv } from '../http/types.ts';
import { traceProjectOf } from './storefront-api.ts';

/**
 * Inbound webhooks from payment providers. Route handlers read the raw body, so signatures
 * verify over the exact bytes the provider sent.
 */
export function createWebhooksApp(deps: Deps): Hono<AppEnv> {
  const app = createApp(deps.log, { traceProject: traceProjectOf(deps) });
  registerHealthRoutes(app, deps);
  return app;
}
