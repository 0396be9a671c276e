import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAdminApi } from '../../functions/apps/admin-api.ts';
import { createJobsApp } from '../../functions/apps/jobs.ts';
import { createStorefrontApi } from '../../functions/apps/storefront-api.ts';
import { createWebhooksApp } from '../../functions/apps/webhooks.ts';
import { createMemoryLogger } from '../../functions/core/logger.ts';
import { createApp } from '../../functions/http/app.ts';
import {
  errorReportFields,
  installProcessErrorReporting,
  REPORTED_ERROR_EVENT,
} from '../../functions/ops/error-reporting.ts';
import { createTestDeps } from '../support/deps.ts';

type Line = Record<string, unknown>;

describe('health and readiness', () => {
  let t: Awaited<ReturnType<typeof createTestDeps>>;
  beforeAll(async () => {
    t = await createTestDeps();
  });
  afterAll(async () => {
    await t.close();
  });

  const apps = [
    ['storefront-api', createStorefrontApi, '/api'],
    ['admin-api', createAdminApi, '/api/admin'],
    ['webhooks', createWebhooksApp, '/api/webhooks'],
    ['jobs', createJobsApp, '/jobs'],
  ] as const;

  for (const [name, create, prefix] of apps) {
    it(`[${name}] answers liveness without I/O and readiness with a store read`, async () => {
      const app = create(t.deps);
      const live = await app.request(`${prefix}/healthz`);
      expect(live.status).toBe(200);
      expect(await live.json()).toEqual({ status: 'ok' });
      const ready = await app.request(`${prefix}/readyz`);
      expect(ready.status).toBe(200);
      expect(await ready.json()).toMatchObject({ status: 'ready', store: 'sqlite' });
    });
  }

  it('answers 503 on readiness when the store fails, and logs it once', async () => {
    const { log, lines } = createMemoryLogger();
    const broken = {
      ...t.deps,
      log,
      store: {
        ...t.deps.store,
        kind: 'sqlite' as const,
        get: () => Promise.reject(new Error('x')),
      },
    };
    const res = await createStorefrontApi(broken).request('/api/readyz');
    expect(res.status).toBe(503);
    expect(await res.json()).toMatchObject({ status: 'unavailable' });
    const warnings = (lines() as Line[]).filter((l) => l.severity === 'WARNING');
    expect(warnings.map((l) => l.message)).toEqual(['readiness probe failed']);
  });
});

describe('Error Reporting format', () => {
  it('reports an unexpected error in a route with its stack, service and request', async () => {
    const { log, lines } = createMemoryLogger();
    const app = createApp(log, { traceProject: 'konta-prod' });
    app.get('/boom', function explodeOnPurpose() {
      throw new TypeError('secret@example.com is not a number');
    });
    const res = await app.request('/boom', {
      headers: { 'X-Cloud-Trace-Context': '105445aa7843bc8bf206b12000100000/1;o=1' },
    });
    expect(res.status).toBe(500);
    const body = (await res.json()) as { error: { code: string; requestId: string } };
    expect(body.error.code).toBe('internal');

    const error = (lines() as Line[]).find((l) => l.severity === 'ERROR')!;
    expect(error['@type']).toBe(REPORTED_ERROR_EVENT);
    expect(error.message).toBe('unhandled error');
    expect(error.stack_trace).toMatch(
      /^TypeError: \[email\] is not a number\n\s+at explodeOnPurpose/,
    );
    expect(JSON.stringify(lines())).not.toContain('secret@example.com');
    expect(error.serviceContext).toEqual({ service: 'konta-local', version: 'local' });
    expect(error.context).toEqual({ httpRequest: { method: 'GET', url: '/boom' } });
    expect(error.requestId).toBe(body.error.requestId);
    expect(error['logging.googleapis.com/trace']).toBe(
      'projects/konta-prod/traces/105445aa7843bc8bf206b12000100000',
    );
  });

  it('names the Cloud Run service and revision when they are set', () => {
    const fields = errorReportFields(
      new Error('x'),
      {},
      { K_SERVICE: 'jobs', K_REVISION: 'jobs-7' },
    );
    expect(fields.serviceContext).toEqual({ service: 'jobs', version: 'jobs-7' });
  });

  it('reports uncaught exceptions then exits, and reports unhandled rejections', () => {
    const { log, lines } = createMemoryLogger();
    const exits: number[] = [];
    const uninstall = installProcessErrorReporting(log, (code) => exits.push(code));
    try {
      process.emit('uncaughtException', new RangeError('lost'));
      process.emit('unhandledRejection', new Error('ignored promise'), Promise.resolve());
    } finally {
      uninstall();
    }
    const reported = lines() as Line[];
    expect(reported.map((l) => [l.severity, l.message])).toEqual([
      ['ERROR', 'uncaught exception'],
      ['ERROR', 'unhandled rejection'],
    ]);
    for (const l of reported) expect(l['@type']).toBe(REPORTED_ERROR_EVENT);
    expect(reported[0]!.stack_trace).toMatch(/^RangeError: lost/);
    expect(exits).toEqual([1]);
  });
});
