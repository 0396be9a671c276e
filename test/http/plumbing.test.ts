import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createStorefrontApi } from '../../functions/apps/storefront-api.ts';
import { createApp } from '../../functions/http/app.ts';
import { readJson } from '../../functions/http/body.ts';
import { createTestDeps } from '../support/deps.ts';

describe('HTTP plumbing', () => {
  it('answers an unknown route with a JSON 404 carrying the request id', async () => {
    const { deps, close } = await createTestDeps();
    const app = createStorefrontApi(deps);

    const res = await app.request('/api/shops/x/nowhere', {
      headers: { 'X-Request-Id': 'req-12345678' },
    });

    expect(res.status).toBe(404);
    expect(res.headers.get('x-request-id')).toBe('req-12345678');
    expect(await res.json()).toEqual({
      error: {
        code: 'route_not_found',
        message: 'There is no endpoint GET /api/shops/x/nowhere.',
        hint: 'Check the path and method against docs/api/.',
        requestId: 'req-12345678',
      },
    });
    await close();
  });

  const Body = z.object({ quantity: z.number().int().min(1) });
  async function echoApp() {
    const t = await createTestDeps();
    const app = createApp(t.deps.log);
    app.post('/echo', async (c) => c.json(await readJson(c, Body)));
    return { app, ...t };
  }

  it('rejects malformed JSON with 400 invalid_json', async () => {
    const { app, close } = await echoApp();
    const res = await app.request('/echo', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{"quantity": 1',
    });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { code: string; requestId: string; hint: string } };
    expect(body.error.code).toBe('invalid_json');
    expect(body.error.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(body.error.hint).toContain('JSON');
    await close();
  });

  it('lists invalid fields with 400 validation_failed', async () => {
    const { app, close } = await echoApp();
    const res = await app.request('/echo', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ quantity: 0 }),
    });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { code: string; details: { path: string }[] } };
    expect(body.error.code).toBe('validation_failed');
    expect(body.error.details.map((d) => d.path)).toEqual(['quantity']);
    await close();
  });

  it('refuses a body that is not JSON or is too large', async () => {
    const { app, close } = await echoApp();
    const form = await app.request('/echo', { method: 'POST', body: 'quantity=1' });
    expect(form.status).toBe(415);
    const huge = await app.request('/echo', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ quantity: 1, pad: 'x'.repeat(300_000) }),
    });
    expect(huge.status).toBe(413);
    await close();
  });

  it('hides internal errors behind a 500 body and logs the stack once', async () => {
    const t = await createTestDeps();
    const app = createApp(t.deps.log);
    app.get('/boom', () => {
      throw new Error('database password is hunter2');
    });
    const res = await app.request('/boom');
    expect(res.status).toBe(500);
    const text = await res.text();
    expect(text).not.toContain('hunter2');
    expect(JSON.parse(text).error.code).toBe('internal');
    const errors = t.logLines().filter((l) => (l as { severity: string }).severity === 'ERROR');
    expect(errors).toHaveLength(1);
    await t.close();
  });

  it('answers health and readiness', async () => {
    const { deps, close } = await createTestDeps();
    const app = createStorefrontApi(deps);
    expect(await (await app.request('/api/healthz')).json()).toEqual({ status: 'ok' });
    const ready = (await (await app.request('/api/readyz')).json()) as { store: string };
    expect(ready.store).toBe('sqlite');
    await close();
  });
});
