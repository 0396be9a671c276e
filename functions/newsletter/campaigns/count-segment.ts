import type { Segment } from '../../../shared/newsletter/campaign.ts';
import type { Subscriber } from '../../../shared/newsletter/subscriber.ts';
import type { Deps } from '../../deps.ts';
import type { DocSnapshot } from '../../store/port.ts';
import { subscribersPath } from '../keys.ts';
import { segmentFilter } from './segment-filter.ts';

/** How many confirmed subscribers a segment reaches now (shown before sending). */
export async function countSegment(deps: Deps, shopId: string, segment: Segment): Promise<number> {
  const filter = await segmentFilter(deps, shopId, segment);
  let count = 0;
  let cursor: DocSnapshot | undefined;
  for (;;) {
    const page = await deps.store.query<Subscriber>({
      collection: subscribersPath(shopId),
      where: [{ field: 'status', op: '==', value: 'confirmed' }],
      limit: 1000,
      ...(cursor ? { startAfter: cursor } : {}),
    });
    for (const snap of page) if (filter(snap.data!)) count += 1;
    if (page.length < 1000) return count;
    cursor = page.at(-1);
  }
}
