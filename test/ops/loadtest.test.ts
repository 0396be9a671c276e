import { execFileSync } from 'node:child_process';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { serve } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFunctionApps, functionFor } from '../../functions/local/dispatch.ts';
import { assertLoopback, runLoad } from '../../functions/ops/loadtest.ts';
import { SHOP, seedShop } from '../checkout/fixtures.ts';
import { createTestDeps } from '../support/deps.ts';

describe('npm run loadtest', () => {
  let t: Awaited<ReturnType<typeof createTestDeps>>;
  let server: ReturnType<typeof serve>;
  let url: string;

  beforeAll(async () => {
    t = await createTestDeps();
    await seedShop(t.deps);
    const apps = createFunctionApps(t.deps);
    server = serve({
      hostname: '127.0.0.1',
      port: 0,
      fetch: (req) =>
        functionFor(apps, new URL(req.url).pathname)?.fetch(req) ??
        new Response(null, { status: 404 }),
    });
    await new Promise<void>((done) => server.once('listening', () => done()));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise<void>((done) => server.close(() => done()));
    await t.close();
  });

  it('drives mixed storefront reads and checkouts, stopping at the request bound', async () => {
    const report = await runLoad({
      baseUrl: url,
      shopId: SHOP,
      requests: 300,
      seconds: 60,
      concurrency: 10,
      checkoutShare: 0.1,
      shippingMethodId: 'courier',
    });
    expect(report.requests).toBe(300);
    expect(report.serverErrors).toBe(0);
    expect(Object.keys(report.kinds).sort()).toEqual([
      'availability',
      'checkout',
      'collections',
      'product',
      'products',
    ]);
    expect(report.statuses['checkout 201']).toBeGreaterThan(10);
    expect(report.kinds.availability!.p99).toBeGreaterThan(0);
    const orders = await t.deps.store.query({ collection: `shops/${SHOP}/orders` });
    expect(orders.length).toBe(report.statuses['checkout 201']);
    console.log(JSON.stringify({ loadtest: 'test', rps: report.rps, kinds: report.kinds }));
  });

  it('stops at the time bound', async () => {
    const report = await runLoad({
      baseUrl: url,
      shopId: SHOP,
      requests: 1_000_000,
      seconds: 0.5,
      concurrency: 4,
      checkoutShare: 0,
      shippingMethodId: 'courier',
    });
    expect(report.seconds).toBeLessThan(3);
    expect(report.requests).toBeLessThan(100_000);
  });

  it('refuses any host that is not loopback, from the CLI too', () => {
    expect(() => assertLoopback('http://example.com:8080')).toThrow(/only targets loopback/);
    expect(assertLoopback('http://[::1]:8080').port).toBe('8080');
    const cli = resolve(import.meta.dirname, '../../functions/cli/loadtest.ts');
    let stderr = '';
    try {
      execFileSync(process.execPath, [cli, '--url', 'http://10.0.0.1:8080'], { stdio: 'pipe' });
    } catch (error) {
      stderr = String((error as { stderr: Buffer }).stderr);
    }
    expect(stderr).toMatch(/only targets loopback addresses, not 10\.0\.0\.1/);
  });
});
