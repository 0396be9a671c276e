import type { Deps } from '../../deps.ts';
import type { Transaction } from '../../store/port.ts';
import { SESSION_TTL_MS, SESSIONS, SessionDoc } from './docs.ts';
import { csrfTokenFor, hashToken, newToken } from './tokens.ts';

export interface LoadedSession {
  hash: string;
  doc: SessionDoc;
  csrfToken: string;
}

/** Writes a new session in `tx`; returns the raw cookie token (shown once, stored hashed). */
export function createSession(
  tx: Transaction,
  input: { userId: string; shopId: string; now: Date },
): string {
  const token = newToken();
  const doc: SessionDoc = {
    userId: input.userId,
    shopId: input.shopId,
    createdAt: input.now.toISOString(),
    expiresAt: new Date(input.now.getTime() + SESSION_TTL_MS).toISOString(),
  };
  tx.create(`${SESSIONS}/${hashToken(token)}`, doc);
  return token;
}

/** The live session for a cookie token, or undefined when unknown or expired. */
export async function loadSession(
  deps: Pick<Deps, 'store' | 'clock' | 'secretKey'>,
  token: string | undefined,
): Promise<LoadedSession | undefined> {
  if (!token || token.length > 100) return undefined;
  const hash = hashToken(token);
  const snap = await deps.store.get(`${SESSIONS}/${hash}`);
  const parsed = SessionDoc.safeParse(snap.data);
  if (!parsed.success) return undefined;
  if (Date.parse(parsed.data.expiresAt) <= deps.clock.now().getTime()) return undefined;
  return { hash, doc: parsed.data, csrfToken: csrfTokenFor(deps.secretKey, hash) };
}

/** Deletes every session of a user ("sign out everywhere"); returns how many. */
export async function deleteUserSessions(
  deps: Pick<Deps, 'store'>,
  userId: string,
): Promise<number> {
  let deleted = 0;
  for (;;) {
    const page = await deps.store.query({
      collection: SESSIONS,
      where: [{ field: 'userId', op: '==', value: userId }],
      limit: 400,
    });
    if (page.length === 0) return deleted;
    const batch = deps.store.batch();
    for (const snap of page) batch.delete(snap.path);
    await batch.commit();
    deleted += page.length;
  }
}
