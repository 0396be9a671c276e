import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { TaxClass } from '../../shared/money/money.ts';
import {
  checkPickup,
  earliestPickupDate,
  localDate,
} from '../../shared/pricing/fulfilment-dates.ts';
import { missingForMinimum } from '../../shared/pricing/minimum-order.ts';
import { type CartItem, priceCart, SHIPPING_TAX_RATE } from '../../shared/pricing/price-cart.ts';
import { splitGross } from '../../shared/pricing/vat.ts';
import { shopDoc } from './fixtures.ts';

const item = (sku: string, unitPrice: number, quantity: number, taxClass: TaxClass): CartItem => ({
  sku,
  productId: sku,
  title: sku,
  variantLabel: '',
  quantity,
  unitPrice,
  taxClass,
  weightGrams: 100,
});

describe('VAT per line', () => {
  const TABLE: [number, number, number, number][] = [
    // gross, rate, net, vat
    [121, 21, 100, 21],
    [100, 21, 83, 17],
    [1, 21, 1, 0],
    [450, 4, 433, 17],
    [2500, 10, 2273, 227],
    [0, 10, 0, 0],
    [999, 10, 908, 91],
  ];
  for (const [gross, rate, net, vat] of TABLE) {
    it(`splits ${gross} at ${rate} % into ${net} + ${vat}`, () => {
      expect(splitGross(gross, rate)).toEqual({ net, vat });
    });
  }
});

describe('priceCart over mixed-rate carts', () => {
  const CARTS: {
    name: string;
    items: CartItem[];
    shipping: number;
    byRate: [number, number, number, number][];
  }[] = [
    {
      name: 'bread and cake',
      items: [item('bread', 450, 3, 'super_reduced'), item('cake', 2500, 1, 'reduced')],
      shipping: 0,
      byRate: [
        [10, 2273, 227, 2500],
        [4, 1298, 52, 1350],
      ],
    },
    {
      name: 'all three rates with shipping',
      items: [
        item('print', 12000, 1, 'general'),
        item('cake', 1999, 2, 'reduced'),
        item('bread', 333, 3, 'super_reduced'),
      ],
      shipping: 495,
      byRate: [
        [21, 10326, 2169, 12495],
        [10, 3635, 363, 3998],
        [4, 961, 38, 999],
      ],
    },
    {
      name: 'two lines at one rate are rounded per line, not per total',
      items: [item('a', 1, 1, 'general'), item('b', 1, 1, 'general')],
      shipping: 0,
      byRate: [[21, 2, 0, 2]],
    },
  ];

  for (const cart of CARTS) {
    it(`totals ${cart.name} per rate`, () => {
      const priced = priceCart(cart.items, cart.shipping);
      expect(priced.totals.byRate).toEqual(
        cart.byRate.map(([rate, net, vat, total]) => ({ rate, net, vat, total })),
      );
      expect(priced.totals.total).toBe(priced.totals.subtotal + cart.shipping);
    });
  }

  const arbItem = fc.record({
    sku: fc.string({ minLength: 1, maxLength: 8 }),
    unitPrice: fc.integer({ min: 0, max: 500_000 }),
    quantity: fc.integer({ min: 1, max: 99 }),
    taxClass: fc.constantFrom<TaxClass>('general', 'reduced', 'super_reduced'),
  });

  it('keeps every rate total equal to the sum of its lines, for random carts', () => {
    fc.assert(
      fc.property(
        fc.array(arbItem, { minLength: 1, maxLength: 30 }),
        fc.integer({ min: 0, max: 5000 }),
        (raw, shipping) => {
          const priced = priceCart(
            raw.map((r) => item(r.sku, r.unitPrice, r.quantity, r.taxClass)),
            shipping,
          );
          for (const line of priced.lines) {
            expect(line.net + line.vat).toBe(line.total);
            expect(line.total).toBe(line.unitPrice * line.quantity);
            expect(
              Math.abs(line.vat - (line.total * line.taxRate) / (100 + line.taxRate)),
            ).toBeLessThanOrEqual(0.5);
          }
          for (const rate of priced.totals.byRate) {
            const lines = priced.lines.filter((l) => l.taxRate === rate.rate);
            const withShipping = rate.rate === SHIPPING_TAX_RATE && shipping > 0;
            const ship = withShipping
              ? splitGross(shipping, SHIPPING_TAX_RATE)
              : { net: 0, vat: 0 };
            expect(rate.net).toBe(lines.reduce((s, l) => s + l.net, 0) + ship.net);
            expect(rate.vat).toBe(lines.reduce((s, l) => s + l.vat, 0) + ship.vat);
            expect(rate.total).toBe(rate.net + rate.vat);
          }
          const sum = priced.totals.byRate.reduce((s, r) => s + r.total, 0);
          expect(sum).toBe(priced.totals.total);
          expect(priced.totals.total).toBe(priced.totals.subtotal + shipping);
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('minimum order and pickup dates', () => {
  const pickup = shopDoc().settings.shippingMethods[0]!;
  if (pickup.kind !== 'pickup') throw new Error('fixture');
  const tuesdayNight = new Date('2026-12-01T23:30:00Z'); // already Wednesday in Madrid

  it('reports what is missing to reach the minimum', () => {
    expect(missingForMinimum(1200, 1500)).toBe(300);
    expect(missingForMinimum(1500, 1500)).toBe(0);
    expect(missingForMinimum(900, 0)).toBe(0);
  });

  it('counts days in the shop time zone and skips closed weekdays', () => {
    expect(localDate(tuesdayNight, 'Europe/Madrid')).toBe('2026-12-02');
    expect(earliestPickupDate(tuesdayNight, 'Europe/Madrid', pickup, 0)).toBe('2026-12-03');
    // Saturday + 1 day is Sunday (closed) → Monday.
    expect(earliestPickupDate(new Date('2026-12-05T10:00:00Z'), 'Europe/Madrid', pickup, 0)).toBe(
      '2026-12-07',
    );
    expect(earliestPickupDate(new Date('2026-12-01T10:00:00Z'), 'Europe/Madrid', pickup, 10)).toBe(
      '2026-12-11',
    );
  });

  it('refuses dates beyond the booking window', () => {
    const now = new Date('2026-12-01T10:00:00Z');
    expect(checkPickup(now, 'Europe/Madrid', pickup, 0, '2026-12-30', 'morning')).toBe('too_late');
    expect(checkPickup(now, 'Europe/Madrid', pickup, 0, '2026-12-02', 'morning')).toBeUndefined();
  });
});
