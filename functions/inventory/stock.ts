import { z } from 'zod';

export const LEDGER_REASONS = [
  'sale',
  'reservation',
  'release',
  'adjustment',
  'production',
  'return',
] as const;
export type LedgerReason = (typeof LEDGER_REASONS)[number];

/**
 * The stock document `shops/{shopId}/stock/{sku}`. `available` is sellable now; it may go
 * below zero only for products that allow backorders or are made to order.
 */
export const StockDoc = z.object({
  sku: z.string(),
  productId: z.string(),
  available: z.number().int(),
  reserved: z.number().int().min(0),
  sold: z.number().int().min(0),
  updatedAt: z.iso.datetime(),
  reorderPoint: z.number().int().min(0).optional(),
  /** Highest edition number handed out, for limited editions. */
  lastEdition: z.number().int().min(0).optional(),
});
export type StockDoc = z.infer<typeof StockDoc>;

/**
 * An append-only movement `shops/{shopId}/ledger/{id}`. Invariant: for every SKU the sum of
 * `delta` equals the stock document's `available`.
 */
export const LedgerDoc = z.object({
  sku: z.string(),
  delta: z.number().int(),
  reason: z.enum(LEDGER_REASONS),
  who: z.string(),
  why: z.string(),
  at: z.iso.datetime(),
  orderId: z.string().optional(),
});
export type LedgerDoc = z.infer<typeof LedgerDoc>;

export const stockPath = (shopId: string, sku: string) => `shops/${shopId}/stock/${sku}`;
export const stockCollection = (shopId: string) => `shops/${shopId}/stock`;
export const ledgerCollection = (shopId: string) => `shops/${shopId}/ledger`;
