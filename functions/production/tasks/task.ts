import { z } from 'zod';

/**
 * `shops/{shopId}/productionTasks/{orderId}:{sku}`: one made-to-order line to make. Done by
 * the maker in the admin (native production) or by a finished Odoo manufacturing order.
 */
export const ProductionTask = z.object({
  id: z.string(),
  orderId: z.string(),
  orderNumber: z.string(),
  sku: z.string(),
  title: z.string(),
  quantity: z.number().int().positive(),
  status: z.enum(['open', 'done']),
  /** Earliest pickup or dispatch date the shopper was promised, if any. */
  dueDate: z.string().optional(),
  createdAt: z.iso.datetime(),
  doneAt: z.iso.datetime().optional(),
  doneBy: z.string().optional(),
  /** Why it is done: `marked in admin`, or the Odoo manufacturing order's name. */
  doneWhy: z.string().optional(),
});
export type ProductionTask = z.infer<typeof ProductionTask>;
