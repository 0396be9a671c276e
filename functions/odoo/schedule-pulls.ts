import { isAppError } from '../core/errors.ts';
import type { Deps } from '../deps.ts';
import { enqueue } from '../outbox/enqueue.ts';
import type { DocSnapshot } from '../store/port.ts';
import { ODOO_EVENTS, ODOO_SHOPS } from './paths.ts';

/** How often stock and finished manufacturing orders are pulled from each shop's Odoo. */
export const PULL_EVERY_MS = 5 * 60_000;

/**
 * The scheduled job: one `odoo.pull` event per enabled shop per five-minute slot. The slot is
 * the idempotency key, so a job that runs twice in a slot enqueues nothing new.
 */
export async function schedulePulls(deps: Deps): Promise<{ enqueued: number }> {
  const now = deps.clock.now();
  const slot = Math.floor(now.getTime() / PULL_EVERY_MS);
  let enqueued = 0;
  let startAfter: DocSnapshot | undefined;
  for (;;) {
    const page = await deps.store.query({
      collection: ODOO_SHOPS,
      orderBy: [{ field: 'shopId' }],
      limit: 200,
      ...(startAfter ? { startAfter } : {}),
    });
    for (const snap of page) {
      if (snap.data?.enabled !== true) continue;
      const shopId = String(snap.data?.shopId);
      const event = { type: ODOO_EVENTS.pull, shopId, key: `pull:${slot}`, payload: {} };
      try {
        await deps.store.runTransaction(async (tx) => enqueue(tx, event, now));
        enqueued += 1;
      } catch (error) {
        if (!isAppError(error, 'already_exists')) throw error;
      }
    }
    if (page.length < 200) return { enqueued };
    startAfter = page.at(-1);
  }
}

/** Enqueues a one-off event from the admin (push products now, pull now with `full: true`). */
export async function enqueueOdooEvent(
  deps: Deps,
  shopId: string,
  type: string,
  payload: Record<string, unknown> = {},
): Promise<string> {
  const now = deps.clock.now();
  const key = `manual:${now.toISOString()}`;
  return deps.store.runTransaction(async (tx) => enqueue(tx, { type, shopId, key, payload }, now));
}
