import type { Order } from '../../shared/orders/order.ts';
import type { Deps } from '../deps.ts';
import type { Store } from '../store/port.ts';
import { commitOrderDrafts, type OrderDraft } from './commit-orders.ts';

/** Most drafts one transaction takes; bounds the transaction's size (Firestore: 500 writes). */
export const MAX_BATCH = 24;

/**
 * How long the first checkout of an idle shop waits for others to join its transaction.
 * Over HTTP requests arrive spread out; without a short wait each would commit alone.
 */
export const GATHER_MS = 2;

interface Waiting {
  draft: OrderDraft;
  resolve: (order: Order) => void;
  reject: (error: unknown) => void;
}

interface ShopQueue {
  waiting: Waiting[];
  running: boolean;
}

const queues = new WeakMap<Store, Map<string, ShopQueue>>();

function queueFor(store: Store, shopId: string): ShopQueue {
  let byShop = queues.get(store);
  if (!byShop) {
    byShop = new Map();
    queues.set(store, byShop);
  }
  let queue = byShop.get(shopId);
  if (!queue) {
    queue = { waiting: [], running: false };
    byShop.set(shopId, queue);
  }
  return queue;
}

function pump(deps: Deps, shopId: string, queue: ShopQueue): void {
  if (queue.running || queue.waiting.length === 0) return;
  queue.running = true;
  const batch = queue.waiting.splice(0, MAX_BATCH);
  commitOrderDrafts(
    deps,
    shopId,
    batch.map((w) => w.draft),
  )
    .then(
      (outcomes) => {
        outcomes.forEach((outcome, i) => {
          if (outcome.ok) batch[i]!.resolve(outcome.order);
          else batch[i]!.reject(outcome.error);
        });
      },
      (error: unknown) => {
        for (const w of batch) w.reject(error);
      },
    )
    .finally(() => {
      queue.running = false;
      pump(deps, shopId, queue);
    });
}

/**
 * Commits a draft, sharing a transaction with the other checkouts of the same shop that
 * arrive within `GATHER_MS` or while one is being written; under load each commit takes
 * everything that queued meanwhile. One commit per shop runs
 * at a time in a process; other processes serialize on the store.
 */
export function submitOrderDraft(deps: Deps, shopId: string, draft: OrderDraft): Promise<Order> {
  const queue = queueFor(deps.store, shopId);
  return new Promise<Order>((resolve, reject) => {
    queue.waiting.push({ draft, resolve, reject });
    if (queue.waiting.length === 1 && !queue.running) {
      setTimeout(() => pump(deps, shopId, queue), GATHER_MS);
    }
  });
}
