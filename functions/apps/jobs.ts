import type { Hono } from 'hono';
import { purgeExpiredAuth } from '../admin/auth/purge-expired.ts';
import { meterInvocations } from '../cost/invocation-meter.ts';
import type { Deps } from '../deps.ts';
import { registerHealthRoutes } from '../health/routes.ts';
import { createApp } from '../http/app.ts';
import type { AppEnv } from '../http/types.ts';
import { sweepReservations } from '../inventory/sweep-reservations.ts';
import { outboxHandlers } from '../jobs/outbox-handlers.ts';
import { registerNewsletterJobRoutes } from '../newsletter/routes/job-routes.ts';
import { schedulePulls } from '../odoo/schedule-pulls.ts';
import { drainOutbox } from '../outbox/drain-outbox.ts';
import { sendLowStockDigests } from '../production/reorder/send-low-stock-digests.ts';
import { traceProjectOf } from './storefront-api.ts';

/**
 * Scheduled and background work under /jobs, called by Cloud Scheduler in the cloud (with an
 * OIDC token checked by the platform) and by the local stack's timer.
 */
export function createJobsApp(deps: Deps): Hono<AppEnv> {
  const app = createApp(deps.log, { traceProject: traceProjectOf(deps) });
  app.use(meterInvocations(deps.usage));
  registerHealthRoutes(app, deps, '/jobs');
  app.post('/jobs/outbox/drain', async (c) => c.json(await drainOutbox(deps, outboxHandlers)));
  app.post('/jobs/reservations/sweep', async (c) => c.json(await sweepReservations(deps)));
  registerNewsletterJobRoutes(app, deps);
  app.post('/jobs/odoo/schedule-pulls', async (c) => c.json(await schedulePulls(deps)));
  app.post('/jobs/production/low-stock-digest', async (c) =>
    c.json(await sendLowStockDigests(deps)),
  );
  app.post('/jobs/admin/purge-expired', async (c) => c.json(await purgeExpiredAuth(deps)));
  return app;
}

/** Local equivalent of Cloud Scheduler: each job's path and its period. */
export const LOCAL_SCHEDULE: { path: string; everyMs: number }[] = [
  { path: '/jobs/outbox/drain', everyMs: 2_000 },
  { path: '/jobs/reservations/sweep', everyMs: 60_000 },
  { path: '/jobs/newsletter/send', everyMs: 5_000 },
  { path: '/jobs/odoo/schedule-pulls', everyMs: 300_000 },
  { path: '/jobs/production/low-stock-digest', everyMs: 3_600_000 },
  { path: '/jobs/admin/purge-expired', everyMs: 3_600_000 },
];
