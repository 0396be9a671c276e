import { createHash } from 'node:crypto';
import { z } from 'zod';

export const OutboxStatus = z.enum(['pending', 'done', 'dead']);

export const OutboxEvent = z.object({
  id: z.string(),
  type: z.string().min(1).max(80),
  shopId: z.string().min(1),
  /** Caller's idempotency key: the same (shop, type, key) is one event, ever. */
  key: z.string().min(1).max(300),
  payload: z.record(z.string(), z.unknown()),
  status: OutboxStatus,
  attempts: z.number().int().min(0),
  /** When the event is next due; a claimed event is pushed forward by its lease. */
  runAt: z.iso.datetime(),
  createdAt: z.iso.datetime(),
  doneAt: z.iso.datetime().optional(),
  lastError: z.string().max(2000).optional(),
});
export type OutboxEvent = z.infer<typeof OutboxEvent>;

/** Event ids derive from the idempotency key, so enqueueing twice collides instead of doubling. */
export function outboxId(shopId: string, type: string, key: string): string {
  return createHash('sha256').update(`${shopId}\n${type}\n${key}`).digest('hex').slice(0, 32);
}

export const OUTBOX = 'outbox';
