import { z } from 'zod';

/**
 * `shops/{shopId}/batches/{id}`: a production run of `batches` times a recipe. Planned runs
 * reserve nothing; completing one consumes the ingredients and adds the finished units.
 */
export const Batch = z.object({
  id: z.string(),
  sku: z.string(),
  batches: z.number().int().positive().max(1000),
  /** Finished units: the recipe's yield times `batches`. */
  quantity: z.number().int().positive(),
  status: z.enum(['planned', 'done', 'cancelled']),
  plannedAt: z.iso.datetime(),
  plannedBy: z.string(),
  doneAt: z.iso.datetime().optional(),
  doneBy: z.string().optional(),
  /** What completing it took from stock, per ingredient. */
  consumed: z.array(z.object({ sku: z.string(), quantity: z.number().int() })).optional(),
});
export type Batch = z.infer<typeof Batch>;

/** An ingredient a batch needs more of than the shop has. */
export interface Shortage {
  sku: string;
  name: string;
  unit: string;
  needed: number;
  available: number;
  short: number;
}
