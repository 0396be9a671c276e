import type { Deps } from '../../deps.ts';
import { RATE_LIMITS, SESSIONS, SIGN_IN_LINKS } from './docs.ts';

/** Deletes per collection and run; a backlog drains over the next runs. */
const PER_RUN = 400;

/**
 * Removes expired sessions, sign-in links and rate-limit windows (all carry an ISO
 * `expiresAt`, which Firestore TTL policies cannot read: they need a Timestamp).
 */
export async function purgeExpiredAuth(
  deps: Pick<Deps, 'store' | 'clock' | 'log'>,
): Promise<Record<string, number>> {
  const now = deps.clock.now().toISOString();
  const deleted: Record<string, number> = {};
  for (const collection of [SESSIONS, SIGN_IN_LINKS, RATE_LIMITS]) {
    const expired = await deps.store.query({
      collection,
      where: [{ field: 'expiresAt', op: '<=', value: now }],
      limit: PER_RUN,
    });
    if (expired.length > 0) {
      const batch = deps.store.batch();
      for (const snap of expired) batch.delete(snap.path);
      await batch.commit();
    }
    deleted[collection] = expired.length;
  }
  deps.log.info(deleted, 'expired sign-in documents purged');
  return deleted;
}
