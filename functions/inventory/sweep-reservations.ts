import { z } from 'zod';
import { isAppError } from '../core/errors.ts';
import type { Deps } from '../deps.ts';
import { changeOrderStatus } from '../orders/change-order-status.ts';
import { loadOrder } from '../orders/order-paths.ts';
import { HOLDS, type HoldDoc } from './holds.ts';

const Hold = z.object({ shopId: z.string(), orderId: z.string(), expiresAt: z.iso.datetime() });

export interface SweepResult {
  cancelled: number;
  skipped: number;
}

/**
 * Cancels orders whose reservation lapsed — abandoned card payments and bank transfers not
 * received in time — releasing their stock. Each order changes in its own transaction, which
 * re-checks its status, so a payment that lands at the same moment wins cleanly.
 */
export async function sweepReservations(deps: Deps, limit = 200): Promise<SweepResult> {
  const now = deps.clock.now();
  const due = await deps.store.query<HoldDoc>({
    collection: HOLDS,
    where: [{ field: 'expiresAt', op: '<=', value: now.toISOString() }],
    orderBy: [{ field: 'expiresAt' }],
    limit,
  });

  const result: SweepResult = { cancelled: 0, skipped: 0 };
  for (const snap of due) {
    const hold = Hold.parse(snap.data);
    try {
      const order = await loadOrder(deps.store, hold.shopId, hold.orderId);
      const bankTransfer = order.payment.method === 'bank_transfer';
      const { changed } = await changeOrderStatus(deps, {
        shopId: hold.shopId,
        orderId: hold.orderId,
        to: 'cancelled',
        who: 'sweeper',
        note: bankTransfer ? 'bank transfer not received in time' : 'reservation expired',
        notify: bankTransfer,
      });
      if (changed) result.cancelled += 1;
      else result.skipped += 1;
    } catch (error) {
      if (!isAppError(error, 'invalid_transition') && !isAppError(error, 'not_found')) throw error;
      await deps.store.delete(snap.path);
      result.skipped += 1;
    }
  }
  if (result.cancelled > 0) deps.log.info({ ...result }, 'reservations swept');
  return result;
}
