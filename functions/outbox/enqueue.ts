import type { Transaction } from '../store/port.ts';
import { OUTBOX, type OutboxEvent, outboxId } from './event.ts';

export interface NewEvent {
  type: string;
  shopId: string;
  key: string;
  payload: Record<string, unknown>;
  /** Defaults to now. */
  runAt?: Date;
}

/**
 * Writes an outbox event inside the caller's transaction, so the side effect happens if and
 * only if the state change commits. Enqueueing the same (shop, type, key) twice fails the
 * transaction with `already_exists`: callers make their state change idempotent first.
 */
export function enqueue(tx: Transaction, event: NewEvent, now: Date): string {
  const id = outboxId(event.shopId, event.type, event.key);
  const doc: OutboxEvent = {
    id,
    type: event.type,
    shopId: event.shopId,
    key: event.key,
    payload: event.payload,
    status: 'pending',
    attempts: 0,
    runAt: (event.runAt ?? now).toISOString(),
    createdAt: now.toISOString(),
  };
  tx.create(`${OUTBOX}/${id}`, doc);
  return id;
}
