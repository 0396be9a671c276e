import { z } from 'zod';
import { type Subscriber, SubscriberStatus, Tag } from '../../../shared/newsletter/subscriber.ts';
import type { Deps } from '../../deps.ts';
import type { Filter } from '../../store/port.ts';
import { subscriberIdOf, subscriberPath, subscribersPath } from '../keys.ts';
import { readSubscriber } from '../read-docs.ts';

export const SubscriberQuery = z.object({
  q: z.string().trim().max(254).optional(),
  status: SubscriberStatus.optional(),
  tag: Tag.optional(),
  /** Id of the last subscriber of the previous page. */
  cursor: z
    .string()
    .regex(/^[0-9a-f]{32}$/)
    .optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type SubscriberQuery = z.infer<typeof SubscriberQuery>;

/** A text search reads at most this many subscribers per request; page on with the cursor. */
export const SEARCH_SCAN_LIMIT = 5_000;

export interface SubscriberPage {
  subscribers: Subscriber[];
  nextCursor: string | null;
}

/**
 * Lists subscribers in id order. A full address is found directly through its keyed id; other
 * text is matched as a substring of the address while scanning (tiny shops, bounded scan).
 */
export async function listSubscribers(
  deps: Deps,
  shopId: string,
  query: SubscriberQuery,
): Promise<SubscriberPage> {
  const q = query.q?.toLowerCase();
  if (q && z.email().safeParse(q).success) {
    const found = await readSubscriber(
      deps.store,
      shopId,
      subscriberIdOf(deps.secretKey, shopId, q),
    );
    const match = found && (!query.status || found.status === query.status) ? [found] : [];
    return { subscribers: match, nextCursor: null };
  }

  const where: Filter[] = [];
  if (query.status) where.push({ field: 'status', op: '==', value: query.status });
  if (query.tag) where.push({ field: 'tags', op: 'array-contains', value: query.tag });
  const found: Subscriber[] = [];
  let cursor = query.cursor ?? null;
  let scanned = 0;
  const pageSize = q ? 500 : query.limit;

  while (found.length < query.limit && scanned < SEARCH_SCAN_LIMIT) {
    const snaps = await deps.store.query<Subscriber>({
      collection: subscribersPath(shopId),
      where,
      limit: pageSize,
      ...(cursor ? { startAfter: cursorOf(shopId, cursor) } : {}),
    });
    scanned += snaps.length;
    for (const snap of snaps) {
      cursor = snap.id;
      if (!q || snap.data!.email.includes(q)) found.push(snap.data!);
      if (found.length === query.limit) break;
    }
    if (snaps.length < pageSize) return { subscribers: found, nextCursor: null };
  }
  return { subscribers: found, nextCursor: cursor };
}

function cursorOf(shopId: string, id: string) {
  return { path: subscriberPath(shopId, id), id, exists: true, data: {}, updateTime: undefined };
}
