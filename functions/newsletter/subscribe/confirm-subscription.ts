import type { Deps } from '../../deps.ts';
import { enqueue } from '../../outbox/enqueue.ts';
import { subscriberPath } from '../keys.ts';
import { loadSender } from '../load-sender.ts';
import { subscriberOf } from '../read-docs.ts';
import { verifyToken } from '../tokens.ts';

export type ConfirmOutcome =
  | { status: 'confirmed'; locale: 'es' | 'en' }
  | { status: 'expired' | 'invalid' };

export const WELCOME_EVENT = 'newsletter.welcome';

/**
 * The click on the double opt-in link. Idempotent: a second click shows the same page. The
 * welcome email, when the shop has one, is queued with the status change.
 */
export async function confirmSubscription(
  deps: Deps,
  shopId: string,
  token: string,
  ip: string | null,
): Promise<ConfirmOutcome> {
  const check = verifyToken(deps.secretKey, shopId, token, 'c', deps.clock.now());
  if (!check.ok) return { status: check.reason === 'expired' ? 'expired' : 'invalid' };
  const { subscriberId } = check.claims;
  const sender = await loadSender(deps, shopId);
  const path = subscriberPath(shopId, subscriberId);

  return deps.store.runTransaction(async (tx): Promise<ConfirmOutcome> => {
    const subscriber = subscriberOf(await tx.get(path));
    if (!subscriber || subscriber.status === 'erased') return { status: 'invalid' };
    if (subscriber.status === 'confirmed')
      return { status: 'confirmed', locale: subscriber.locale };
    if (subscriber.status !== 'pending') return { status: 'expired' };

    const now = deps.clock.now();
    tx.update(path, {
      status: 'confirmed',
      confirmation: { at: now.toISOString(), ip },
      updatedAt: now.toISOString(),
    });
    if (sender.settings.welcome.enabled) {
      enqueue(
        tx,
        { type: WELCOME_EVENT, shopId, key: subscriberId, payload: { subscriberId } },
        now,
      );
    }
    return { status: 'confirmed', locale: subscriber.locale };
  });
}
