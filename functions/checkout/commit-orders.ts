import type { Order } from '../../shared/orders/order.ts';
import { AppError } from '../core/errors.ts';
import type { Deps } from '../deps.ts';
import { writeHold } from '../inventory/holds.ts';
import {
  loadStock,
  moveStock,
  type StockBySku,
  type StockMove,
  shortages,
  writeStock,
} from '../inventory/stock-moves.ts';
import { emitOrderPlaced } from '../orders/order-events.ts';
import { openOrderCounter } from '../orders/order-number.ts';
import { orderPath, toDoc } from '../orders/order-paths.ts';

/** An order priced and checked outside the transaction, waiting for stock and a number. */
export interface OrderDraft {
  orderId: string;
  prefix: string;
  moves: StockMove[];
  /** SKUs that may be sold beyond stock. */
  mayGoNegative: ReadonlySet<string>;
  /** The order document, given its number and the stock as it stands before this order. */
  build(number: string, stock: StockBySku): Order;
}

/** A batch is many shoppers' checkouts: it retries a busy store longer than one request. */
const COMMIT_OPTIONS = { maxAttempts: 10 };

export type CommitOutcome = { ok: true; order: Order } | { ok: false; error: AppError };

/**
 * Commits several drafts of one shop in ONE transaction (group commit): it reads every SKU's
 * stock and the order counter once, then takes the drafts in turn against the running stock,
 * reserving for each that fits and refusing the rest with `out_of_stock`. The stock check and
 * the write share the transaction, so no interleaving can oversell.
 */
export async function commitOrderDrafts(
  deps: Deps,
  shopId: string,
  drafts: readonly OrderDraft[],
): Promise<CommitOutcome[]> {
  const now = deps.clock.now();
  const skus = drafts.flatMap((d) => d.moves.map((m) => m.sku));

  return deps.store.runTransaction(async (tx) => {
    const stock = await loadStock(tx, shopId, skus);
    const counter = await openOrderCounter(tx, shopId, drafts[0]!.prefix);
    const outcomes: CommitOutcome[] = [];
    let placed = 0;
    const touched = new Set<string>();

    for (const draft of drafts) {
      const ctx = {
        shopId,
        who: 'checkout',
        why: 'checkout',
        orderId: draft.orderId,
        now,
        mayGoNegative: draft.mayGoNegative,
      };
      const short = shortages(stock, draft.moves, ctx);
      if (short.length > 0) {
        const error = new AppError('out_of_stock', {
          message: `Not enough stock for ${short.map((s) => s.sku).join(', ')}.`,
          hint: 'Lower the quantity or remove the line.',
          details: { lines: short },
        });
        outcomes.push({ ok: false, error });
        continue;
      }

      const order = draft.build(counter.take(), stock);
      for (const sku of moveStock(tx, stock, draft.moves, ctx)) touched.add(sku);
      tx.create(orderPath(shopId, order.id), toDoc(order));
      if (order.holdExpiresAt) {
        writeHold(tx, { shopId, orderId: order.id, expiresAt: order.holdExpiresAt });
      }
      emitOrderPlaced(tx, order, now);
      outcomes.push({ ok: true, order });
      placed += 1;
    }

    if (placed > 0) counter.save();
    writeStock(tx, stock, touched);
    return outcomes;
  }, COMMIT_OPTIONS);
}
