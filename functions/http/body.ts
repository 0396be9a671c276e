import type { Context } from 'hono';
import type { z } from 'zod';
import { AppError } from '../core/errors.ts';

export const MAX_JSON_BYTES = 256 * 1024;

/** Field errors as `{ path, message }`, for the error body's `details`. */
export function fieldErrors(error: z.ZodError): { path: string; message: string }[] {
  return error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
}

export function parseWith<S extends z.ZodType>(
  schema: S,
  value: unknown,
  what: string,
): z.infer<S> {
  const result = schema.safeParse(value);
  if (!result.success) {
    throw new AppError('validation_failed', {
      message: `Some fields of the ${what} are not valid.`,
      details: fieldErrors(result.error),
      hint: 'Correct the fields listed in details and send again.',
    });
  }
  return result.data;
}

/** Reads a JSON body (size-limited), then validates it; bad input never reaches a use case. */
export async function readJson<S extends z.ZodType>(
  c: Context,
  schema: S,
  maxBytes = MAX_JSON_BYTES,
): Promise<z.infer<S>> {
  const type = c.req.header('content-type') ?? '';
  if (!/^application\/(.+\+)?json\b/i.test(type)) {
    throw new AppError('unsupported_media_type', { hint: 'Set Content-Type: application/json.' });
  }
  const declared = Number(c.req.header('content-length') ?? 0);
  if (declared > maxBytes) throw new AppError('payload_too_large');

  const text = await c.req.text();
  if (Buffer.byteLength(text) > maxBytes) throw new AppError('payload_too_large');

  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new AppError('invalid_json', { hint: 'Send a JSON object, e.g. {"quantity": 1}.' });
  }
  return parseWith(schema, value, 'request body');
}

export function readQuery<S extends z.ZodType>(c: Context, schema: S): z.infer<S> {
  return parseWith(schema, c.req.query(), 'query string');
}
