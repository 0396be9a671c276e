import type { TaxClass } from '../money/money.ts';
import { rateOf, splitGross } from './vat.ts';

/** A cart line after the server looked up its variant: prices come from the catalog only. */
export interface CartItem {
  sku: string;
  productId: string;
  title: string;
  variantLabel: string;
  quantity: number;
  /** Gross unit price in cents, from the catalog. */
  unitPrice: number;
  taxClass: TaxClass;
  weightGrams: number;
}

export interface PricedLine {
  sku: string;
  productId: string;
  title: string;
  variantLabel: string;
  quantity: number;
  unitPrice: number;
  taxRate: number;
  net: number;
  vat: number;
  total: number;
}

export interface RateTotal {
  rate: number;
  net: number;
  vat: number;
  total: number;
}

export interface CartTotals {
  /** Gross goods total. */
  subtotal: number;
  /** Gross shipping. */
  shipping: number;
  total: number;
  /** One entry per VAT rate present (goods and shipping), highest rate first. */
  byRate: RateTotal[];
}

export interface PricedCart {
  lines: PricedLine[];
  totals: CartTotals;
  weightGrams: number;
}

/**
 * Shipping is taxed at the general rate (21 %). Spanish rules tax an accessory service at the
 * rate of the main supply; see docs/limitations.md for mixed carts.
 */
export const SHIPPING_TAX_RATE = 21;

export function priceLine(item: CartItem): PricedLine {
  const taxRate = rateOf(item.taxClass);
  const total = item.unitPrice * item.quantity;
  const { net, vat } = splitGross(total, taxRate);
  return {
    sku: item.sku,
    productId: item.productId,
    title: item.title,
    variantLabel: item.variantLabel,
    quantity: item.quantity,
    unitPrice: item.unitPrice,
    taxRate,
    net,
    vat,
    total,
  };
}

/** Sums lines per rate: each rate's net, VAT and total are sums of already-rounded lines. */
export function totalsByRate(
  lines: readonly { taxRate: number; net: number; vat: number; total: number }[],
): RateTotal[] {
  const byRate = new Map<number, RateTotal>();
  for (const line of lines) {
    const entry = byRate.get(line.taxRate) ?? { rate: line.taxRate, net: 0, vat: 0, total: 0 };
    entry.net += line.net;
    entry.vat += line.vat;
    entry.total += line.total;
    byRate.set(line.taxRate, entry);
  }
  return [...byRate.values()].sort((a, b) => b.rate - a.rate);
}

/** Prices a cart on the server; `shipping` is the gross price of the chosen method. */
export function priceCart(items: readonly CartItem[], shipping: number): PricedCart {
  const lines = items.map(priceLine);
  const subtotal = lines.reduce((sum, l) => sum + l.total, 0);
  const shippingLine =
    shipping > 0
      ? [
          {
            taxRate: SHIPPING_TAX_RATE,
            ...splitGross(shipping, SHIPPING_TAX_RATE),
            total: shipping,
          },
        ]
      : [];
  return {
    lines,
    totals: {
      subtotal,
      shipping,
      total: subtotal + shipping,
      byRate: totalsByRate([...lines, ...shippingLine]),
    },
    weightGrams: items.reduce((sum, i) => sum + i.weightGrams * i.quantity, 0),
  };
}
