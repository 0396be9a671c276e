import type { BackorderPolicy } from './product.ts';

export const AVAILABILITY_STATUSES = [
  'in_stock',
  'low',
  'out_of_stock',
  'made_to_order',
  'backorder',
] as const;
export type AvailabilityStatus = (typeof AVAILABILITY_STATUSES)[number];

/**
 * What the storefront says about a SKU: `available` units sellable now (from its stock
 * document), the product's backorder policy and the shop's low-stock threshold.
 */
export function availabilityStatus(
  available: number,
  backorder: BackorderPolicy,
  lowStockThreshold: number,
): AvailabilityStatus {
  if (available <= 0) {
    if (backorder === 'made_to_order') return 'made_to_order';
    if (backorder === 'allow') return 'backorder';
    return 'out_of_stock';
  }
  return available <= lowStockThreshold ? 'low' : 'in_stock';
}

/** Whether a shopper may add the SKU to the cart. */
export function isPurchasable(status: AvailabilityStatus): boolean {
  return status !== 'out_of_stock';
}

/** schema.org ItemAvailability for JSON-LD and the Merchant feed. */
export function schemaOrgAvailability(status: AvailabilityStatus): string {
  switch (status) {
    case 'in_stock':
    case 'low':
      return 'https://schema.org/InStock';
    case 'made_to_order':
      return 'https://schema.org/MadeToOrder';
    case 'backorder':
      return 'https://schema.org/BackOrder';
    default:
      return 'https://schema.org/OutOfStock';
  }
}
