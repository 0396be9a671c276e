import type { z } from 'zod';
import type { Collection, Product } from '../../../shared/catalog/product.ts';
import type { ShopProfile } from '../../../shared/catalog/shop.ts';

/** A demo shop as authored: products carry the stock to seed for each SKU. */
export interface DemoShop {
  shop: Omit<z.input<typeof ShopProfile>, 'createdAt'>;
  collections: z.input<typeof Collection>[];
  products: DemoProduct[];
}

export type DemoProduct = Omit<z.input<typeof Product>, 'createdAt' | 'updatedAt' | 'status'> & {
  status?: z.input<typeof Product>['status'];
  /** Initial units per SKU; SKUs not listed start at 0. */
  stock: Record<string, number>;
};

/** Every combination of option values, in option order (first option varies slowest). */
export function combinations(values: string[][]): string[][] {
  return values.reduce<string[][]>(
    (acc, list) => acc.flatMap((prefix) => list.map((v) => [...prefix, v])),
    [[]],
  );
}
