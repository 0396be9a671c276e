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
    const ms = () => Math.round(performance.now() - started);
    try {
      await deps.store.get('_health/probe');
    } catch (error) {
      c.get('log').warn({ err_name: (error as Error).name, ms: ms() }, 'readiness probe failed');
      // An uptime check or load balancer reads 503 as "send traffic elsewhere".
      return c.json({ status: 'unavailable', store: deps.store.kind, ms: ms() }, 503);
    }
    return c.json({ status: 'ready', store: deps.store.kind, ms: ms() });
  });
}
