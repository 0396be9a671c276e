import type { Hono } from 'hono';
import type { Deps } from '../deps.ts';
import { registerHealthRoutes } from '../health/routes.ts';
import { createApp } from '../http/app.ts';
import type { AppEnv } from '../http/types.ts';
import { traceProjectOf } from './storefront-api.ts';

/**
 * Scheduled and background work (outbox drain, campaign batches, Odoo sync, backups), called
 * by Cloud Scheduler in the cloud and by an in-process timer locally.
 */
export function createJobsApp(deps: Deps): Hono<AppEnv> {
  const app = createApp(deps.log, { traceProject: traceProjectOf(deps) });
  registerHealthRoutes(app, deps);
  return app;
}
