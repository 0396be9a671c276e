import type { Cents } from '../money/money.ts';
import type { ShippingMethod } from './settings.ts';

export interface ShippingQuoteInput {
  /** Gross goods subtotal in cents. */
  subtotal: Cents;
  /** Total weight of the lines; variants without a weight count as 0 g. */
  weightGrams: number;
  /** Destination country (ISO alpha-2); ignored for pickup. */
  country?: string;
}

/**
 * The price of a shipping or pickup method for a cart, or `undefined` when the method cannot
 * serve it (country not served, parcel heavier than the last weight band).
 */
export function quoteShipping(
  method: ShippingMethod,
  input: ShippingQuoteInput,
): Cents | undefined {
  if (method.kind === 'pickup') return method.price;

  if (input.country && !method.countries.includes(input.country.toUpperCase())) return undefined;
  if (method.freeAbove !== undefined && input.subtotal >= method.freeAbove) return 0;
  if (method.kind === 'flat') return method.price;

  const band = method.bands
    .toSorted((a, b) => a.upToGrams - b.upToGrams)
    .find((b) => input.weightGrams <= b.upToGrams);
  return band?.price;
}
