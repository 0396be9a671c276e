import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { AppError, ERRORS } from '../core/errors.ts';
import { errorReportFields } from '../ops/error-reporting.ts';
import type { AppEnv } from './types.ts';

export interface ErrorBody {
  error: { code: string; message: string; hint?: string; details?: unknown; requestId: string };
}

/** The one place where errors become HTTP responses. */
export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  if (error instanceof HTTPException) {
    if (error.status === 413) return new AppError('payload_too_large');
    return new AppError(error.status === 404 ? 'not_found' : 'bad_request', {
      message: error.message || undefined,
    });
  }
  return new AppError('internal', { cause: error });
}

export function errorResponse(c: Context<AppEnv>, error: unknown): Response {
  const appError = toAppError(error);
  const requestId = c.get('requestId') ?? 'unknown';
  const log = c.get('log');
  if (appError.code === 'internal') {
    const cause = appError.cause instanceof Error ? appError.cause : appError;
    const httpRequest = { method: c.req.method, url: new URL(c.req.url).pathname };
    log?.error(
      { err_code: appError.code, ...errorReportFields(cause, { httpRequest }) },
      'unhandled error',
    );
  }
  const body: ErrorBody = {
    error: {
      code: appError.code,
      message: appError.message,
      ...(appError.hint ? { hint: appError.hint } : {}),
      ...(appError.details !== undefined ? { details: appError.details } : {}),
      requestId,
    },
  };
  return c.json(body, ERRORS[appError.code].status);
}
