import { z } from 'zod';
import type { Segment } from '../../../shared/newsletter/campaign.ts';
import type { Subscriber } from '../../../shared/newsletter/subscriber.ts';
import type { Deps } from '../../deps.ts';
import type { DocSnapshot } from '../../store/port.ts';
import { subscriberIdOf } from '../keys.ts';

/** The fields of an order a segment reads; everything else belongs to the orders domain. */
const OrderFields = z.object({
  status: z.string(),
  customer: z.object({ email: z.string() }),
  lines: z.array(z.object({ productId: z.string() })).default([]),
  createdAt: z.string(),
});

/** Orders that never completed payment do not make a customer. */
const NOT_BOUGHT = /pending|cancel|refund|expired/;
const PAGE = 500;

export type SubscriberFilter = (subscriber: Subscriber) => boolean;

/**
 * Turns a segment into a predicate over confirmed subscribers. Order-based segments read the
 * shop's orders once (paged) and keep only keyed subscriber ids in memory.
 */
export async function segmentFilter(
  deps: Deps,
  shopId: string,
  segment: Segment,
): Promise<SubscriberFilter> {
  const confirmed = (s: Subscriber) => s.status === 'confirmed';
  switch (segment.kind) {
    case 'all':
      return confirmed;
    case 'tag':
      return (s) => confirmed(s) && s.tags.includes(segment.tag);
    case 'bought': {
      const products = new Set(segment.productIds);
      if (segment.collection) {
        for (const id of await productsInCollection(deps, shopId, segment.collection)) {
          products.add(id);
        }
      }
      const buyers = new Set<string>();
      await forEachOrder(deps, shopId, (order) => {
        if (order.lines.some((line) => products.has(line.productId))) {
          buyers.add(subscriberIdOf(deps.secretKey, shopId, order.customer.email));
        }
      });
      return (s) => confirmed(s) && buyers.has(s.id);
    }
    case 'inactive': {
      const since = deps.clock.now().getTime() - segment.days * 86_400_000;
      const recent = new Set<string>();
      await forEachOrder(deps, shopId, (order) => {
        if (Date.parse(order.createdAt) >= since) {
          recent.add(subscriberIdOf(deps.secretKey, shopId, order.customer.email));
        }
      });
      return (s) => confirmed(s) && !recent.has(s.id);
    }
  }
}

async function forEachOrder(
  deps: Deps,
  shopId: string,
  visit: (order: z.infer<typeof OrderFields>) => void,
): Promise<void> {
  let cursor: DocSnapshot | undefined;
  for (;;) {
    const page = await deps.store.query({
      collection: `shops/${shopId}/orders`,
      limit: PAGE,
      ...(cursor ? { startAfter: cursor } : {}),
    });
    for (const snap of page) {
      const order = OrderFields.safeParse(snap.data);
      if (order.success && !NOT_BOUGHT.test(order.data.status)) visit(order.data);
    }
    if (page.length < PAGE) return;
    cursor = page.at(-1);
  }
}

async function productsInCollection(deps: Deps, shopId: string, slug: string): Promise<string[]> {
  const snaps = await deps.store.query({
    collection: `shops/${shopId}/products`,
    where: [{ field: 'collections', op: 'array-contains', value: slug }],
    limit: 1000,
  });
  return snaps.map((s) => s.id);
}
