import type { Hono } from 'hono';
import type { Deps } from '../deps.ts';
import type { AppEnv } from '../http/types.ts';

/** Liveness answers without I/O; readiness proves the store answers a read. */
export function registerHealthRoutes(
  app: Hono<AppEnv>,
  deps: Pick<Deps, 'store'>,
  prefix: string,
): void {
  app.get(`${prefix}/healthz`, (c) => c.json({ status: 'ok' }));
  app.get(`${prefix}/readyz`, async (c) => {
    const started = performance.now();
    await deps.store.get('_health/probe');
    return c.json({
      status: 'ready',
      store: deps.store.kind,
      ms: Math.round(performance.now() - started),
    });
  });
}
