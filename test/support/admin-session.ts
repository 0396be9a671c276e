import type { Hono } from 'hono';
import { addMember } from '../../functions/admin/auth/add-member.ts';
import type { Role } from '../../functions/admin/auth/docs.ts';
import { SESSION_COOKIE } from '../../functions/admin/auth/docs.ts';
import { createSession, loadSession } from '../../functions/admin/auth/sessions.ts';
import type { Deps } from '../../functions/deps.ts';

export interface AdminSignIn {
  /** `cookie` and `x-csrf-token`; spread into `app.request(...)` headers. */
  headers: Record<string, string>;
  userId: string;
  email: string;
}

/**
 * Makes a member of `shopId` and a live session for it, the way a verified sign-in link does,
 * without email. Returns the headers a browser would send (session cookie and CSRF token).
 */
export async function signInMember(
  deps: Deps,
  shopId: string,
  role: Role = 'owner',
  email = `${role}.${Math.random().toString(36).slice(2, 10)}@${shopId}.example`,
): Promise<AdminSignIn> {
  const { userId } = await addMember(deps, { shopId, email, role });
  const token = await deps.store.runTransaction(async (tx) =>
    createSession(tx, { userId, shopId, now: deps.clock.now() }),
  );
  const session = await loadSession(deps, token);
  if (!session) throw new Error('session was not created');
  return {
    headers: { cookie: `${SESSION_COOKIE}=${token}`, 'x-csrf-token': session.csrfToken },
    userId,
    email,
  };
}

/** Shorthand: the headers only. `deps` may also be given as `{ deps }` (a test context). */
export async function signIn(
  deps: Deps | { deps: Deps },
  shopId: string,
  role: Role = 'owner',
): Promise<Record<string, string>> {
  const d = 'deps' in deps ? deps.deps : deps;
  return (await signInMember(d, shopId, role)).headers;
}

/** JSON request helper for admin routes: adds the content type and the sign-in headers. */
export function adminRequest(
  app: Hono<never> | { request: Hono['request'] },
  headers: Record<string, string>,
  method: string,
  path: string,
  body?: unknown,
): Promise<Response> {
  return Promise.resolve(
    app.request(path, {
      method,
      headers: {
        ...headers,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    }),
  );
}
