import type { Deps } from '../deps.ts';
import { OUTBOX, OutboxEvent } from '../outbox/event.ts';

/** The shop's Odoo events that gave up, newest first, for the admin's dead-letter list. */
export async function listOdooDeadLetters(deps: Deps, shopId: string) {
  const snaps = await deps.store.query({
    collection: OUTBOX,
    where: [
      { field: 'shopId', op: '==', value: shopId },
      { field: 'status', op: '==', value: 'dead' },
    ],
    limit: 500,
  });
  return snaps
    .map((s) => OutboxEvent.parse(s.data))
    .filter((e) => e.type.startsWith('odoo.'))
    .sort((a, b) => b.runAt.localeCompare(a.runAt))
    .map((e) => ({
      id: e.id,
      type: e.type,
      orderId: typeof e.payload.orderId === 'string' ? e.payload.orderId : undefined,
      attempts: e.attempts,
      lastError: e.lastError,
      createdAt: e.createdAt,
      failedAt: e.runAt,
    }));
}
