import type { Locale } from '../../../shared/i18n/locale.ts';
import type { ConsentEvidence, Subscriber } from '../../../shared/newsletter/subscriber.ts';
import type { Deps } from '../../deps.ts';
import { enqueue } from '../../outbox/enqueue.ts';
import { subscriberIdOf, subscriberPath } from '../keys.ts';
import { subscriberOf } from '../read-docs.ts';

export interface OptInRequest {
  email: string;
  locale: Locale;
  consent: Omit<ConsentEvidence, 'at' | 'locale'>;
}

/** A pending address gets at most one confirmation email per this interval. */
export const RESEND_AFTER_MS = 10 * 60_000;

export const CONFIRMATION_EVENT = 'newsletter.confirmation';

/**
 * Records a subscription request and, in the same transaction, queues the confirmation email.
 * The outcome is deliberately not returned: the caller answers every request the same way, so
 * nobody can learn whether an address is already subscribed.
 */
export async function startDoubleOptIn(
  deps: Deps,
  shopId: string,
  request: OptInRequest,
): Promise<void> {
  const id = subscriberIdOf(deps.secretKey, shopId, request.email);
  const path = subscriberPath(shopId, id);

  await deps.store.runTransaction(async (tx) => {
    const now = deps.clock.now();
    const current = subscriberOf(await tx.get(path));
    if (current?.status === 'confirmed') return;
    const lastSent = current?.confirmationSentAt ? Date.parse(current.confirmationSentAt) : 0;
    if (current?.status === 'pending' && now.getTime() - lastSent < RESEND_AFTER_MS) return;

    const at = now.toISOString();
    const subscriber: Subscriber = {
      id,
      email: request.email.trim().toLowerCase(),
      status: 'pending',
      locale: request.locale,
      tags: current?.tags ?? [],
      consent: { ...request.consent, at, locale: request.locale },
      confirmation: null,
      imported: false,
      confirmationSentAt: at,
      unsubscribedAt: current?.unsubscribedAt ?? null,
      bouncedAt: current?.bouncedAt ?? null,
      createdAt: current?.createdAt ?? at,
      updatedAt: at,
    };
    tx.set(path, subscriber);
    enqueue(
      tx,
      { type: CONFIRMATION_EVENT, shopId, key: `${id}:${at}`, payload: { subscriberId: id } },
      now,
    );
  });
}
