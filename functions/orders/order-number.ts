import { z } from 'zod';
import type { Transaction } from '../store/port.ts';
import { orderCounterPath } from './order-paths.ts';

const Counter = z.object({ next: z.number().int().positive() });

/** First number of a new shop's sequence, so early orders don't look like the shop's first. */
export const FIRST_ORDER_NUMBER = 1001;

/**
 * Reads the shop's order counter in the transaction (a read: call it before any write).
 * `take()` hands out numbers in sequence; `save()` writes the counter back once.
 */
export async function openOrderCounter(tx: Transaction, shopId: string, prefix: string) {
  const snap = await tx.get(orderCounterPath(shopId));
  let next = snap.exists ? Counter.parse(snap.data).next : FIRST_ORDER_NUMBER;
  return {
    take: () => `${prefix}-${next++}`,
    save: () => tx.set(orderCounterPath(shopId), { next }),
  };
}
