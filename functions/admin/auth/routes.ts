import type { Context, Hono } from 'hono';
import { z } from 'zod';
import { Locale } from '../../../shared/i18n/locale.ts';
import { AppError } from '../../core/errors.ts';
import type { Deps } from '../../deps.ts';
import { readJson } from '../../http/body.ts';
import type { AppEnv } from '../../http/types.ts';
import { clearSessionCookie, readSessionCookie, writeSessionCookie } from './cookie.ts';
import { SESSIONS, USERS, UserDoc } from './docs.ts';
import { requestSignInLink } from './request-sign-in-link.ts';
import { deleteUserSessions, loadSession } from './sessions.ts';
import { verifySignInLink } from './verify-sign-in-link.ts';

const LinkRequest = z.object({ email: z.email().max(254), locale: Locale.optional() });
const VerifyRequest = z.object({ token: z.string().min(20).max(100) });
const SwitchShop = z.object({ shopId: z.string().min(1).max(120) });

/**
 * The client address for rate limiting. Behind Google's front end the last X-Forwarded-For
 * entry is the address it saw; earlier entries are client-supplied and not trusted.
 */
function clientIp(c: Context): string {
  const forwarded = c.req.header('x-forwarded-for')?.split(',').at(-1)?.trim();
  if (forwarded) return forwarded;
  const incoming = (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)
    ?.incoming;
  return incoming?.socket?.remoteAddress ?? 'unknown';
}

async function requireSession(c: Context<AppEnv>, deps: Deps) {
  const session = await loadSession(deps, readSessionCookie(c));
  if (!session) throw new AppError('unauthenticated');
  return session;
}

export function registerAuthRoutes(app: Hono<AppEnv>, deps: Deps): void {
  app.post('/api/admin/auth/link', async (c) => {
    const body = await readJson(c, LinkRequest);
    await requestSignInLink(deps, { email: body.email, ip: clientIp(c), locale: body.locale });
    return c.json({ status: 'sent_if_member' }, 202);
  });

  app.post('/api/admin/auth/verify', async (c) => {
    const { token } = await readJson(c, VerifyRequest);
    const previousSessionToken = readSessionCookie(c);
    const signedIn = await verifySignInLink(deps, {
      token,
      ...(previousSessionToken ? { previousSessionToken } : {}),
    });
    writeSessionCookie(c, deps.config, signedIn.sessionToken);
    const session = await loadSession(deps, signedIn.sessionToken);
    return c.json({ shopId: signedIn.shopId, csrfToken: session?.csrfToken });
  });

  app.get('/api/admin/session', async (c) => {
    const session = await requireSession(c, deps);
    const member = c.get('member');
    const user = UserDoc.parse((await deps.store.get(`${USERS}/${member.userId}`)).data);
    const shopIds = Object.keys(user.shops).sort();
    const shopDocs = await deps.store.getAll(shopIds.map((id) => `shops/${id}`));
    const shops = shopIds.map((id, i) => ({
      shopId: id,
      name: String(shopDocs[i]?.data?.name ?? id),
      role: user.shops[id],
    }));
    return c.json({
      user: { id: user.id, email: user.email, locale: user.locale },
      shopId: member.shopId,
      role: member.role,
      shops,
      csrfToken: session.csrfToken,
    });
  });

  app.put('/api/admin/session/shop', async (c) => {
    const { shopId } = await readJson(c, SwitchShop);
    const session = await requireSession(c, deps);
    const allowed = await deps.store.get(`shops/${shopId}/members/${session.doc.userId}`);
    if (!allowed.exists) {
      throw new AppError('forbidden', { message: 'You are not a member of that shop.' });
    }
    await deps.store.update(`${SESSIONS}/${session.hash}`, { shopId });
    return c.json({ shopId });
  });

  app.post('/api/admin/session/sign-out', async (c) => {
    const session = await requireSession(c, deps);
    await deps.store.delete(`${SESSIONS}/${session.hash}`);
    clearSessionCookie(c, deps.config);
    return c.json({ signedOut: 1 });
  });

  app.post('/api/admin/session/sign-out-everywhere', async (c) => {
    const member = c.get('member');
    const signedOut = await deleteUserSessions(deps, member.userId);
    clearSessionCookie(c, deps.config);
    deps.log.info({ userId: member.userId, signedOut }, 'signed out everywhere');
    return c.json({ signedOut });
  });
}
