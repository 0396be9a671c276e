import { AppError } from '../core/errors.ts';
import type { Transaction } from '../store/port.ts';
import { appendLedger } from './ledger.ts';
import { type LedgerReason, StockDoc, stockPath } from './stock.ts';

/**
 * A change to one SKU's stock:
 * - `reserve`: available → reserved (checkout started);
 * - `release`: reserved → available (expired, cancelled);
 * - `commit`: reserved → sold (paid), written as a release plus a sale;
 * - `sell`: available → sold without a prior reservation;
 * - `adjust`: available ± delta (count, production, return).
 */
export type StockMove =
  | { kind: 'reserve' | 'release' | 'commit' | 'sell'; sku: string; quantity: number }
  | {
      kind: 'adjust';
      sku: string;
      delta: number;
      reason: Extract<LedgerReason, 'adjustment' | 'production' | 'return'>;
    };

export interface MoveContext {
  shopId: string;
  who: string;
  why: string;
  orderId?: string;
  now: Date;
  /** SKUs whose `available` may go below zero (backorder allowed or made to order). */
  mayGoNegative?: ReadonlySet<string>;
}

export type StockBySku = Map<string, { path: string; doc: StockDoc | undefined }>;

/** Reads the stock documents of `skus` in the transaction; call it before any write. */
export async function loadStock(
  tx: Transaction,
  shopId: string,
  skus: readonly string[],
): Promise<StockBySku> {
  const unique = [...new Set(skus)];
  const snaps = await tx.getAll(unique.map((sku) => stockPath(shopId, sku)));
  const stock: StockBySku = new Map();
  unique.forEach((sku, i) => {
    const snap = snaps[i]!;
    stock.set(sku, { path: snap.path, doc: snap.exists ? StockDoc.parse(snap.data) : undefined });
  });
  return stock;
}

/** Whether every move fits: reserve and sell need enough `available` unless backorders apply. */
export function shortages(stock: StockBySku, moves: readonly StockMove[], ctx: MoveContext) {
  const need = new Map<string, number>();
  for (const m of moves) {
    if (m.kind === 'reserve' || m.kind === 'sell')
      need.set(m.sku, (need.get(m.sku) ?? 0) + m.quantity);
  }
  const short: { sku: string; requested: number; available: number }[] = [];
  for (const [sku, requested] of need) {
    const available = stock.get(sku)?.doc?.available ?? 0;
    if (requested > available && !ctx.mayGoNegative?.has(sku))
      short.push({ sku, requested, available });
  }
  return short;
}

/**
 * Applies moves to loaded stock and writes the stock documents and one ledger entry per
 * change of `available`, inside the caller's transaction. Throws `out_of_stock` rather than
 * let a deny-policy SKU go negative, so overselling cannot commit.
 */
export function applyStockMoves(
  tx: Transaction,
  stock: StockBySku,
  moves: readonly StockMove[],
  ctx: MoveContext,
): void {
  writeStock(tx, stock, moveStock(tx, stock, moves, ctx));
}

/**
 * The first half of `applyStockMoves`: changes the loaded documents and appends the ledger
 * entries, returning the SKUs touched. A caller applying many orders in one transaction
 * writes each stock document once at the end with `writeStock`.
 */
export function moveStock(
  tx: Transaction,
  stock: StockBySku,
  moves: readonly StockMove[],
  ctx: MoveContext,
): Set<string> {
  const short = shortages(stock, moves, ctx);
  if (short.length > 0) throw new AppError('out_of_stock', { details: { lines: short } });

  const at = ctx.now.toISOString();
  const base = {
    who: ctx.who,
    why: ctx.why,
    at,
    ...(ctx.orderId ? { orderId: ctx.orderId } : {}),
  };
  const touched = new Set<string>();

  for (const move of moves) {
    const entry = stock.get(move.sku);
    if (!entry?.doc) {
      throw new AppError('not_found', { message: `No stock document for SKU ${move.sku}.` });
    }
    const doc = entry.doc;
    const ledger = (reason: LedgerReason, delta: number) =>
      appendLedger(tx, ctx.shopId, { sku: move.sku, delta, reason, ...base });

    if (move.kind === 'adjust') {
      doc.available += move.delta;
      ledger(move.reason, move.delta);
    } else if (move.kind === 'reserve') {
      doc.available -= move.quantity;
      doc.reserved += move.quantity;
      ledger('reservation', -move.quantity);
    } else if (move.kind === 'release') {
      doc.available += move.quantity;
      doc.reserved = Math.max(0, doc.reserved - move.quantity);
      ledger('release', move.quantity);
    } else if (move.kind === 'commit') {
      doc.reserved = Math.max(0, doc.reserved - move.quantity);
      doc.sold += move.quantity;
      ledger('release', move.quantity);
      ledger('sale', -move.quantity);
    } else {
      doc.available -= move.quantity;
      doc.sold += move.quantity;
      ledger('sale', -move.quantity);
    }
    doc.updatedAt = at;
    touched.add(move.sku);
  }
  return touched;
}

/** Writes the loaded stock documents of `skus` as they now stand. */
export function writeStock(tx: Transaction, stock: StockBySku, skus: Iterable<string>): void {
  for (const sku of skus) {
    const entry = stock.get(sku)!;
    tx.set(entry.path, { ...entry.doc! });
  }
}
