import { AppError } from '../../core/errors.ts';
import type { Deps } from '../../deps.ts';
import { subscriberPath } from '../keys.ts';
import { subscriberOf } from '../read-docs.ts';

/** Adds and removes tags in one transaction; returns the resulting tags. */
export async function tagSubscriber(
  deps: Deps,
  shopId: string,
  id: string,
  change: { add: string[]; remove: string[] },
): Promise<string[]> {
  return deps.store.runTransaction(async (tx) => {
    const path = subscriberPath(shopId, id);
    const subscriber = subscriberOf(await tx.get(path));
    if (!subscriber || subscriber.status === 'erased') {
      throw new AppError('not_found', { message: `There is no subscriber ${id} in this shop.` });
    }
    const tags = [...new Set([...subscriber.tags, ...change.add])].filter(
      (t) => !change.remove.includes(t),
    );
    if (tags.length > 50) throw new AppError('validation_failed', { message: 'At most 50 tags.' });
    tx.update(path, { tags, updatedAt: deps.clock.now().toISOString() });
    return tags;
  });
}
