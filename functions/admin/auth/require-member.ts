import type { MiddlewareHandler } from 'hono';
import { AppError } from '../../core/errors.ts';
import type { Deps } from '../../deps.ts';
import type { AppEnv } from '../../http/types.ts';
import { readSessionCookie } from './cookie.ts';
import { MemberDoc, SESSIONS, USERS, UserDoc } from './docs.ts';
import { loadSession } from './sessions.ts';
import { sameToken } from './tokens.ts';

/**
 * Admin paths reachable without a session: requesting and verifying a sign-in link. Exact
 * paths, not a prefix, so no other route can ever fall outside the guard.
 */
export const PUBLIC_ADMIN_PATHS: ReadonlySet<string> = new Set([
  '/api/admin/auth/link',
  '/api/admin/auth/verify',
]);

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Admits a request only for a live session whose user is still a member of the session's
 * active shop; sets `member` from the store, never from the request. State-changing methods
 * must also carry the session's CSRF token in `X-CSRF-Token`.
 */
export function requireMember(deps: Deps): MiddlewareHandler<AppEnv> {
  return async function requireMemberMiddleware(c, next) {
    if (PUBLIC_ADMIN_PATHS.has(c.req.path)) return next();

    const session = await loadSession(deps, readSessionCookie(c));
    if (!session) {
      throw new AppError('unauthenticated', { hint: 'Sign in at /admin/ with your email.' });
    }
    if (!SAFE_METHODS.has(c.req.method)) {
      const sent = c.req.header('x-csrf-token') ?? '';
      if (!sameToken(sent, session.csrfToken)) {
        throw new AppError('csrf_failed', {
          hint: 'Send the csrfToken of GET /api/admin/session in the X-CSRF-Token header.',
        });
      }
    }

    const { userId, shopId } = session.doc;
    const snap = await deps.store.get(`shops/${shopId}/members/${userId}`);
    const member = MemberDoc.safeParse(snap.data);
    if (!member.success) {
      const moved = await moveToAnotherShop(deps, session.hash, userId, shopId);
      throw new AppError('forbidden', {
        message: 'You are no longer a member of this shop.',
        ...(moved ? { hint: `Reload: your session now opens shop ${moved}.` } : {}),
      });
    }
    c.set('member', { userId, shopId, role: member.data.role });
    c.set('log', c.get('log').child({ shopId, userId }));
    await next();
  };
}

/**
 * After a removal, points the session at another shop the user still belongs to, so the next
 * request works there. The refused request itself never runs against that other shop.
 */
async function moveToAnotherShop(
  deps: Deps,
  sessionHash: string,
  userId: string,
  lostShopId: string,
): Promise<string | undefined> {
  const user = UserDoc.safeParse((await deps.store.get(`${USERS}/${userId}`)).data);
  if (!user.success) return undefined;
  for (const shopId of Object.keys(user.data.shops).sort()) {
    if (shopId === lostShopId) continue;
    if ((await deps.store.get(`shops/${shopId}/members/${userId}`)).exists) {
      await deps.store.update(`${SESSIONS}/${sessionHash}`, { shopId });
      return shopId;
    }
  }
  return undefined;
}

/** For owner-only routes (payment keys, members); run after `requireMember`. */
export function requireOwner(): MiddlewareHandler<AppEnv> {
  return async function requireOwnerMiddleware(c, next) {
    if (c.get('member').role !== 'owner') {
      throw new AppError('forbidden', { message: 'Only the shop owner can do this.' });
    }
    await next();
  };
}
