import { AppError, ERRORS } from '../core/errors.ts';
import type { Deps } from '../deps.ts';
import { OUTBOX, OutboxEvent } from './event.ts';

export interface HandlerContext {
  /** Stable per event: pass it to peers that deduplicate (Stripe, Odoo refs, Message-ID). */
  idempotencyKey: string;
  attempt: number;
}

export type OutboxHandler = (event: OutboxEvent, deps: Deps, ctx: HandlerContext) => Promise<void>;
export type OutboxHandlers = Record<string, OutboxHandler>;

export interface DrainOptions {
  limit?: number;
  /** How long a claimed event is hidden from other workers while its handler runs. */
  leaseMs?: number;
  maxAttempts?: number;
}

export interface DrainResult {
  done: number;
  retried: number;
  dead: number;
}

/** 4xx failures (bad data, wrong credentials) will not heal by retrying; the rest may. */
function isPermanent(error: unknown): boolean {
  if (!(error instanceof AppError)) return false;
  const status = ERRORS[error.code].status;
  return status >= 400 && status < 500 && status !== 409 && status !== 429;
}

/** Exponential backoff with full jitter: 30 s, 60 s, 120 s … capped at one hour. */
export function backoffMs(attempt: number, random = Math.random): number {
  return Math.round(Math.min(3_600_000, 30_000 * 2 ** (attempt - 1)) * (0.5 + random() / 2));
}

/**
 * Runs due outbox events. Delivery is at least once: an event is claimed with a lease in a
 * transaction, handled, then marked done; a worker that dies mid-handler leaves the lease to
 * expire and the event is handled again, so handlers deduplicate by `ctx.idempotencyKey`.
 */
export async function drainOutbox(
  deps: Deps,
  handlers: OutboxHandlers,
  options: DrainOptions = {},
): Promise<DrainResult> {
  const { limit = 50, leaseMs = 60_000, maxAttempts = 8 } = options;
  const result: DrainResult = { done: 0, retried: 0, dead: 0 };
  const now = deps.clock.now();

  const due = await deps.store.query<OutboxEvent>({
    collection: OUTBOX,
    where: [
      { field: 'status', op: '==', value: 'pending' },
      { field: 'runAt', op: '<=', value: now.toISOString() },
    ],
    orderBy: [{ field: 'runAt' }],
    limit,
  });

  for (const snap of due) {
    const claimed = await claim(deps, snap.path, leaseMs);
    if (!claimed) continue;
    const log = deps.log.child({
      eventId: claimed.id,
      eventType: claimed.type,
      shopId: claimed.shopId,
    });
    const handler = handlers[claimed.type];

    try {
      if (!handler) {
        throw new AppError('bad_request', { message: `No handler for event type ${claimed.type}` });
      }
      await handler(claimed, deps, { idempotencyKey: claimed.id, attempt: claimed.attempts });
      await deps.store.update(snap.path, {
        status: 'done',
        doneAt: deps.clock.now().toISOString(),
      });
      result.done += 1;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const dead = isPermanent(error) || claimed.attempts >= maxAttempts;
      const runAt = new Date(deps.clock.now().getTime() + backoffMs(claimed.attempts));
      await deps.store.update(snap.path, {
        status: dead ? 'dead' : 'pending',
        runAt: runAt.toISOString(),
        lastError: message.slice(0, 2000),
      });
      log.warn({ attempt: claimed.attempts, dead, err_message: message }, 'outbox event failed');
      if (dead) result.dead += 1;
      else result.retried += 1;
    }
  }
  return result;
}

/** Takes the event if it is still pending and due; pushes runAt forward by the lease. */
async function claim(deps: Deps, path: string, leaseMs: number): Promise<OutboxEvent | undefined> {
  return deps.store.runTransaction(async (tx) => {
    const snap = await tx.get(path);
    const event = OutboxEvent.parse(snap.data);
    const now = deps.clock.now();
    if (event.status !== 'pending' || new Date(event.runAt) > now) return undefined;
    const claimed = {
      ...event,
      attempts: event.attempts + 1,
      runAt: new Date(now.getTime() + leaseMs).toISOString(),
    };
    tx.update(path, { attempts: claimed.attempts, runAt: claimed.runAt });
    return claimed;
  });
}

/** Puts a dead event back in the queue (the admin's retry button). */
export async function retryDeadEvent(deps: Deps, shopId: string, eventId: string): Promise<void> {
  const path = `${OUTBOX}/${eventId}`;
  await deps.store.runTransaction(async (tx) => {
    const snap = await tx.get(path);
    const event = snap.exists ? OutboxEvent.parse(snap.data) : undefined;
    if (!event || event.shopId !== shopId) throw new AppError('not_found');
    if (event.status !== 'dead') {
      throw new AppError('conflict', { message: 'Only failed events can be retried.' });
    }
    tx.update(path, { status: 'pending', attempts: 0, runAt: deps.clock.now().toISOString() });
  });
}
