import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { z } from 'zod';

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

export const PRICES_FILE = resolve(import.meta.dirname, '../../config/prices.json');

/** Loads and checks the price table; `emailPer1000` overrides the email price (USD). */
export function loadPrices(options: { file?: string; emailPer1000?: number } = {}): PriceTable {
  const table = PriceTable.parse(JSON.parse(readFileSync(options.file ?? PRICES_FILE, 'utf8')));
  if (options.emailPer1000 === undefined) return table;
  return { ...table, email: { ...table.email, per1000: options.emailPer1000 } };
}
