import { z } from 'zod';
import type { Transaction } from '../store/port.ts';
import { orderCounterPath } from './order-paths.ts';

const Counter = z.object({ next: z.number().int().positive() });

/** First number of a new shop's sequence, so early orders don't look like the shop's first. */
export const FIRST_ORDER_NUMBER = 1001;

/**
 * Reads the shop's order counter in the transaction (a read: call it before any write) and
 * returns the number plus the write that advances it.
 */
export async function takeOrderNumber(tx: Transaction, shopId: string, prefix: string) {
  const snap = await tx.get(orderCounterPath(shopId));
  const next = snap.exists ? Counter.parse(snap.data).next : FIRST_ORDER_NUMBER;
  return {
    number: `${prefix}-${next}`,
    advance: () => tx.set(orderCounterPath(shopId), { next: next + 1 }),
  };
}
