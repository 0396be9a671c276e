import { randomUUID } from 'node:crypto';
import { Hono } from 'hono';
import { AppError } from '../core/errors.ts';
import { runWithLogContext } from '../core/log-context.ts';
import type { Logger } from '../core/logger.ts';
import { errorResponse } from './errors.ts';
import type { AppEnv } from './types.ts';

const REQUEST_ID = /^[A-Za-z0-9_-]{8,64}$/;

/** Cloud Run passes `X-Cloud-Trace-Context: TRACE_ID/SPAN;o=1`; its trace id joins our logs. */
function requestIdFrom(headers: Headers): { requestId: string; trace?: string } {
  const trace = headers.get('x-cloud-trace-context')?.split('/')[0];
  const given = headers.get('x-request-id');
  if (given && REQUEST_ID.test(given)) return { requestId: given, ...(trace ? { trace } : {}) };
  if (trace && REQUEST_ID.test(trace)) return { requestId: trace, trace };
  return { requestId: randomUUID() };
}

/**
 * A Hono app with Kontá's request plumbing: a request id on every log line and response, one
 * access line per request, the error body for every failure, and a JSON 404 for unknown routes.
 */
export function createApp(log: Logger, options: { traceProject?: string } = {}): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.use(async function requestContext(c, next) {
    const started = performance.now();
    const { requestId, trace } = requestIdFrom(c.req.raw.headers);
    const traceField: Record<string, string> =
      trace && options.traceProject
        ? { 'logging.googleapis.com/trace': `projects/${options.traceProject}/traces/${trace}` }
        : {};
    c.set('requestId', requestId);
    c.set('log', log.child({ requestId, ...traceField }));

    await runWithLogContext({ requestId, ...traceField }, next);

    c.header('X-Request-Id', requestId);
    c.get('log').info(
      {
        httpRequest: {
          requestMethod: c.req.method,
          requestUrl: new URL(c.req.url).pathname,
          status: c.res.status,
          latency: `${((performance.now() - started) / 1000).toFixed(4)}s`,
        },
      },
      'request',
    );
  });

  app.onError((error, c) => errorResponse(c, error));
  app.notFound((c) => errorResponse(c, routeNotFound(c.req.raw)));
  return app;
}

export function routeNotFound(request: Request): AppError {
  return new AppError('route_not_found', {
    message: `There is no endpoint ${request.method} ${new URL(request.url).pathname}.`,
    hint: 'Check the path and method against docs/api/.',
  });
}
