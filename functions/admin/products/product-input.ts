import { z } from 'zod';
import { Product } from '../../../shared/catalog/product.ts';

/** What the admin sends to create or replace a product: everything but ids and timestamps. */
export const ProductInput = Product.omit({ id: true, createdAt: true, updatedAt: true }).extend({
  slug: Product.shape.slug.optional(),
  /** Optimistic concurrency on replace: the `updatedAt` the editor loaded. */
  expectedUpdatedAt: z.iso.datetime().optional(),
});
export type ProductInput = z.infer<typeof ProductInput>;

export function slugify(text: string): string {
  const slug = text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 100)
    .replace(/-$/, '');
  return slug || 'product';
}
