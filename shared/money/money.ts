import { z } from 'zod';

/** Integer minor units (cents). Never a float. */
export const Cents = z.number().int().min(0).max(100_000_000);
export type Cents = number;

export const CURRENCIES = ['EUR'] as const;
export const Currency = z.enum(CURRENCIES);
export type Currency = z.infer<typeof Currency>;

/** Spanish VAT classes (IVA): general 21 %, reduced 10 %, super-reduced 4 %. */
export const TAX_RATES = { general: 21, reduced: 10, super_reduced: 4 } as const;
export const TaxClass = z.enum(['general', 'reduced', 'super_reduced']);
export type TaxClass = z.infer<typeof TaxClass>;

export function formatMoney(cents: Cents, currency: Currency, locale: 'es' | 'en'): string {
  return new Intl.NumberFormat(locale === 'es' ? 'es-ES' : 'en-IE', {
    style: 'currency',
    currency,
  }).format(cents / 100);
}
