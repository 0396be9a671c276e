import { AppError } from '../../core/errors.ts';
import type { Deps } from '../../deps.ts';
import { campaignPath, subscriberPath } from '../keys.ts';
import { campaignOf, subscriberOf } from '../read-docs.ts';
import { verifyToken } from '../tokens.ts';

/**
 * RFC 8058 one-click unsubscribe, also behind the footer link. Idempotent; a forged or
 * malformed token is a `bad_request`. The campaign in the token counts the unsubscribe once.
 */
export async function unsubscribe(
  deps: Deps,
  shopId: string,
  token: string,
): Promise<{ locale: 'es' | 'en' }> {
  const check = verifyToken(deps.secretKey, shopId, token, 'u', deps.clock.now());
  if (!check.ok) {
    throw new AppError('bad_request', {
      message: 'This unsubscribe link is not valid.',
      hint: 'Use the complete link from the email.',
    });
  }
  const { subscriberId, campaignId } = check.claims;
  const path = subscriberPath(shopId, subscriberId);

  return deps.store.runTransaction(async (tx) => {
    const subscriber = subscriberOf(await tx.get(path));
    const campaignSnap = campaignId ? await tx.get(campaignPath(shopId, campaignId)) : undefined;
    if (!subscriber) return { locale: 'es' as const };
    if (subscriber.status !== 'pending' && subscriber.status !== 'confirmed') {
      return { locale: subscriber.locale };
    }

    const now = deps.clock.now().toISOString();
    tx.update(path, { status: 'unsubscribed', unsubscribedAt: now, updatedAt: now });
    const campaign = campaignSnap ? campaignOf(campaignSnap) : undefined;
    if (campaign && campaignSnap) {
      tx.update(campaignSnap.path, { 'stats.unsubscribed': campaign.stats.unsubscribed + 1 });
    }
    return { locale: subscriber.locale };
  });
}
