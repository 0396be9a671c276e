import { z } from 'zod';
import type { Subscriber } from '../../../shared/newsletter/subscriber.ts';
import { newsletterText } from '../../../shared/newsletter/texts.ts';
import { AppError } from '../../core/errors.ts';
import type { Deps } from '../../deps.ts';
import { parseWith } from '../../http/body.ts';
import type { OutboxHandler } from '../../outbox/drain-outbox.ts';
import { enqueue } from '../../outbox/enqueue.ts';
import { outboxId } from '../../outbox/event.ts';
import { subscriberIdOf, subscriberPath } from '../keys.ts';
import { loadSender } from '../load-sender.ts';
import { readSubscriber, subscriberOf } from '../read-docs.ts';
import { CONFIRM_TTL_S, signToken, verifyToken } from '../tokens.ts';
import { sendNotice } from './send-notice.ts';

export const DATA_ACCESS_EVENT = 'newsletter.data_access';

/**
 * A person asks for their data by address. Only the owner of the mailbox gets the link, and
 * the answer to the request is the same whether or not the address is known.
 */
export async function requestDataAccess(deps: Deps, shopId: string, email: string): Promise<void> {
  const id = subscriberIdOf(deps.secretKey, shopId, email);
  await deps.store.runTransaction(async (tx) => {
    const subscriber = subscriberOf(await tx.get(subscriberPath(shopId, id)));
    if (!subscriber || subscriber.status === 'erased') return;
    const now = deps.clock.now();
    // One email per address per ten minutes: the key collides inside the same window.
    const window = Math.floor(now.getTime() / 600_000);
    const existing = await tx.get(`outbox/${outboxKeyProbe(shopId, id, window)}`);
    if (existing.exists) return;
    enqueue(
      tx,
      { type: DATA_ACCESS_EVENT, shopId, key: `${id}:${window}`, payload: { subscriberId: id } },
      now,
    );
  });
}

function outboxKeyProbe(shopId: string, id: string, window: number): string {
  return outboxId(shopId, DATA_ACCESS_EVENT, `${id}:${window}`);
}

const Payload = z.object({ subscriberId: z.string().regex(/^[0-9a-f]{32}$/) });

export const sendDataAccess: OutboxHandler = async (event, deps, ctx) => {
  const { subscriberId } = parseWith(Payload, event.payload, 'event payload');
  const subscriber = await readSubscriber(deps.store, event.shopId, subscriberId);
  if (!subscriber || subscriber.status === 'erased') return;

  const sender = await loadSender(deps, event.shopId);
  const expiresAt = Math.floor(deps.clock.now().getTime() / 1000) + CONFIRM_TTL_S;
  const token = signToken(deps.secretKey, event.shopId, { purpose: 'd', subscriberId, expiresAt });
  const { locale } = subscriber;
  await sendNotice(
    deps,
    sender,
    { subscriberId, email: subscriber.email, locale: locale },
    {
      subject: newsletterText(locale, 'dataSubject', sender.shopName),
      heading: newsletterText(locale, 'dataSubject', sender.shopName),
      markdown: newsletterText(locale, 'dataBody', sender.shopName),
      button: {
        label: newsletterText(locale, 'dataButton', sender.shopName),
        href: `${sender.apiUrl}/data?token=${token}`,
      },
    },
    ctx.idempotencyKey,
  );
};

function subscriberFromToken(deps: Deps, shopId: string, token: string): string {
  const check = verifyToken(deps.secretKey, shopId, token, 'd', deps.clock.now());
  if (!check.ok) {
    throw new AppError('bad_request', {
      message: check.reason === 'expired' ? 'This link has expired.' : 'This link is not valid.',
      hint: 'Ask for a new link from the unsubscribe page or the shop.',
    });
  }
  return check.claims.subscriberId;
}

/** What we hold about a subscriber, as they would see it (no internal fields). */
export function subscriberData(subscriber: Subscriber) {
  const { id: _id, ...data } = subscriber;
  return data;
}

export async function exportSubscriberData(deps: Deps, shopId: string, token: string) {
  const id = subscriberFromToken(deps, shopId, token);
  const subscriber = await readSubscriber(deps.store, shopId, id);
  if (!subscriber || subscriber.status === 'erased') throw new AppError('not_found');
  return subscriberData(subscriber);
}

/** Erasure keeps only the keyed id and the status, so a CSV import cannot bring it back. */
export async function eraseSubscriber(deps: Deps, shopId: string, id: string): Promise<void> {
  const now = deps.clock.now().toISOString();
  await deps.store.runTransaction(async (tx) => {
    const path = subscriberPath(shopId, id);
    const subscriber = subscriberOf(await tx.get(path));
    if (!subscriber) throw new AppError('not_found');
    tx.set(path, {
      id,
      email: '',
      status: 'erased',
      locale: subscriber.locale,
      tags: [],
      consent: null,
      confirmation: null,
      imported: false,
      confirmationSentAt: null,
      unsubscribedAt: null,
      bouncedAt: null,
      createdAt: subscriber.createdAt,
      updatedAt: now,
    } satisfies Subscriber);
  });
}

export async function eraseByToken(deps: Deps, shopId: string, token: string): Promise<void> {
  await eraseSubscriber(deps, shopId, subscriberFromToken(deps, shopId, token));
}
