import { t } from './i18n.ts';

let csrfToken = '';

export function setCsrfToken(token: string): void {
  csrfToken = token;
}

export class ApiError extends Error {
  readonly code: string;
  readonly status: number;
  readonly details: unknown;
  constructor(
    status: number,
    body: { error?: { code?: string; message?: string; details?: unknown } },
  ) {
    super(body.error?.message ?? t('error.generic'));
    this.status = status;
    this.code = body.error?.code ?? 'internal';
    this.details = body.error?.details;
  }
}

/** JSON calls to the admin API with the session's CSRF token on state-changing requests. */
export async function api<T = unknown>(method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (method !== 'GET') headers['x-csrf-token'] = csrfToken;
  let payload: BodyInit | undefined;
  if (body instanceof FormData || typeof body === 'string') {
    payload = body;
    if (typeof body === 'string') headers['content-type'] = 'text/csv';
  } else if (body !== undefined) {
    payload = JSON.stringify(body);
    headers['content-type'] = 'application/json';
  }
  const res = await fetch(`/api/admin${path}`, {
    method,
    headers,
    credentials: 'same-origin',
    ...(payload === undefined ? {} : { body: payload }),
  });
  if (res.status === 401 && !path.startsWith('/auth/')) {
    location.assign(`sign-in.html?next=${encodeURIComponent(location.pathname + location.search)}`);
    throw new ApiError(401, {});
  }
  if (res.status === 204) return undefined as T;
  const data = (await res.json().catch(() => ({}))) as T & { error?: { message?: string } };
  if (!res.ok) throw new ApiError(res.status, data);
  return data;
}
