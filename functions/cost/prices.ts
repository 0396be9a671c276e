import { readFileSync } from 'node:fs';
import { z } from 'zod';
import bundled from '../../config/prices.json' with { type: 'json' };

const Source = z.string().min(3);

/** The price table in config/prices.json: every figure with where it came from and when. */
export const PriceTable = z.object({
  checkedOn: z.iso.date(),
  note: z.string(),
  eurPerUsd: z.object({ rate: z.number().positive(), source: Source }),
  firestore: z.object({
    source: Source,
    location: z.string(),
    readsPer100k: z.number().nonnegative(),
    writesPer100k: z.number().nonnegative(),
    deletesPer100k: z.number().nonnegative(),
    free: z.object({
      readsPerDay: z.number().nonnegative(),
      writesPerDay: z.number().nonnegative(),
      deletesPerDay: z.number().nonnegative(),
    }),
  }),
  functions: z.object({
    source: Source,
    tier: z.string(),
    perMillionRequests: z.number().nonnegative(),
    perVcpuSecond: z.number().nonnegative(),
    perGibSecond: z.number().nonnegative(),
    billingIncrementMs: z.number().int().positive(),
    free: z.object({
      requestsPerMonth: z.number().nonnegative(),
      vcpuSecondsPerMonth: z.number().nonnegative(),
      gibSecondsPerMonth: z.number().nonnegative(),
    }),
  }),
  hosting: z.object({
    source: Source,
    perGbTransferred: z.number().nonnegative(),
    free: z.object({ mbPerDay: z.number().nonnegative() }),
  }),
  email: z.object({
    source: Source,
    per1000: z.number().nonnegative(),
    free: z.object({ perMonth: z.number().nonnegative() }),
  }),
});
export type PriceTable = z.infer<typeof PriceTable>;

/**
 * Loads and checks the price table; `emailPer1000` overrides the email price (USD). The
 * default table is imported, so the function bundles carry it.
 */
export function loadPrices(options: { file?: string; emailPer1000?: number } = {}): PriceTable {
  const raw: unknown = options.file ? JSON.parse(readFileSync(options.file, 'utf8')) : bundled;
  const table = PriceTable.parse(raw);
  if (options.emailPer1000 === undefined) return table;
  return { ...table, email: { ...table.email, per1000: options.emailPer1000 } };
}
