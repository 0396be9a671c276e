import { AppError } from '../../core/errors.ts';
import type { Deps } from '../../deps.ts';
import { SESSIONS, SIGN_IN_LINKS, SignInLinkDoc, USERS, UserDoc } from './docs.ts';
import { createSession } from './sessions.ts';
import { hashToken } from './tokens.ts';

const invalidLink = () =>
  new AppError('unauthenticated', {
    message: 'This sign-in link is not valid: it was already used, has expired or is unknown.',
    hint: 'Request a new link from the sign-in page.',
    details: { reason: 'link_invalid' },
  });

/**
 * Exchanges a link token for a new session, once. The link is marked used in the same
 * transaction that creates the session, so two clicks race to exactly one session. A session
 * the browser already had is deleted (rotation on sign-in).
 */
export async function verifySignInLink(
  deps: Pick<Deps, 'store' | 'clock' | 'log'>,
  input: { token: string; previousSessionToken?: string },
): Promise<{ sessionToken: string; userId: string; shopId: string }> {
  const linkPath = `${SIGN_IN_LINKS}/${hashToken(input.token)}`;
  const now = deps.clock.now();

  const result = await deps.store.runTransaction(async (tx) => {
    const snap = await tx.get(linkPath);
    const link = SignInLinkDoc.safeParse(snap.data);
    if (!link.success || link.data.usedAt) return undefined;
    if (Date.parse(link.data.expiresAt) <= now.getTime()) return undefined;
    const userSnap = await tx.get(`${USERS}/${link.data.userId}`);
    const user = UserDoc.parse(userSnap.data);
    const shopId = link.data.shopId ?? Object.keys(user.shops).sort()[0];
    if (!shopId || !user.shops[shopId]) return undefined;

    tx.update(linkPath, { usedAt: now.toISOString() });
    if (input.previousSessionToken) {
      tx.delete(`${SESSIONS}/${hashToken(input.previousSessionToken)}`);
    }
    const sessionToken = createSession(tx, { userId: user.id, shopId, now });
    return { sessionToken, userId: user.id, shopId };
  });

  if (!result) throw invalidLink();
  deps.log.info({ userId: result.userId, shopId: result.shopId }, 'signed in');
  return result;
}
