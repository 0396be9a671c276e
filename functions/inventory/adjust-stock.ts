import type { Transaction } from '../store/port.ts';
import type { LedgerReason } from './stock.ts';
import { applyStockMoves, loadStock } from './stock-moves.ts';

export interface StockAdjustment {
  shopId: string;
  sku: string;
  /** Needed only when the SKU has no stock document yet. */
  productId?: string;
  delta: number;
  reason: Extract<LedgerReason, 'adjustment' | 'production' | 'return'>;
  /** A user id or a system name (`odoo-sync`, `production`). */
  who: string;
  why: string;
}

/**
 * Changes a SKU's `available` by `delta` and appends the ledger entry, inside the caller's
 * transaction — for counts, finished production runs and returns. It reads, so call it
 * before the transaction's first write. A missing stock document is created at zero first.
 * Adjustments may take `available` below zero (a recount after overselling by backorder).
 */
export async function adjustStock(
  tx: Transaction,
  adjustments: readonly StockAdjustment[],
  now: Date,
): Promise<void> {
  const byShop = new Map<string, StockAdjustment[]>();
  for (const a of adjustments) byShop.set(a.shopId, [...(byShop.get(a.shopId) ?? []), a]);

  const loaded = [];
  for (const [shopId, list] of byShop) {
    loaded.push({
      shopId,
      list,
      stock: await loadStock(
        tx,
        shopId,
        list.map((a) => a.sku),
      ),
    });
  }

  for (const { shopId, list, stock } of loaded) {
    for (const a of list) {
      const entry = stock.get(a.sku)!;
      if (!entry.doc) {
        entry.doc = {
          sku: a.sku,
          productId: a.productId ?? a.sku,
          available: 0,
          reserved: 0,
          sold: 0,
          updatedAt: now.toISOString(),
        };
      }
    }
    for (const a of list) {
      applyStockMoves(
        tx,
        stock,
        [{ kind: 'adjust', sku: a.sku, delta: a.delta, reason: a.reason }],
        { shopId, who: a.who, why: a.why, now, mayGoNegative: new Set([a.sku]) },
      );
    }
  }
}
