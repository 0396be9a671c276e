import { z } from 'zod';
import { Sku } from './product.ts';

/**
 * The stock document `shops/{shopId}/stock/{sku}`, one per SKU, kept apart from the product
 * because it is a hot counter. `available` is what can be sold now (reservations excluded).
 */
export const StockLevel = z.object({
  sku: Sku,
  productId: z.string().min(1).max(64),
  available: z.number().int(),
  reserved: z.number().int().min(0),
  sold: z.number().int().min(0),
  updatedAt: z.iso.datetime(),
});
export type StockLevel = z.infer<typeof StockLevel>;

/** An append-only movement `shops/{shopId}/ledger/{id}`. */
export const LedgerEntry = z.object({
  sku: Sku,
  delta: z.number().int(),
  reason: z.string().min(1).max(40),
  who: z.string().min(1).max(80),
  why: z.string().max(200).optional(),
  at: z.iso.datetime(),
});
export type LedgerEntry = z.infer<typeof LedgerEntry>;
