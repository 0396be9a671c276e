import { TAX_RATES, type TaxClass } from '../money/money.ts';

export type TaxRate = (typeof TAX_RATES)[TaxClass];

export interface VatSplit {
  net: number;
  vat: number;
}

/**
 * Splits a gross amount (VAT included) into net and VAT, rounding once: the net is rounded
 * half up to the cent and the VAT is what is left, so `net + vat === gross` always holds.
 */
export function splitGross(gross: number, rate: number): VatSplit {
  const net = Math.round((gross * 100) / (100 + rate));
  return { net, vat: gross - net };
}

export function rateOf(taxClass: TaxClass): TaxRate {
  return TAX_RATES[taxClass];
}
