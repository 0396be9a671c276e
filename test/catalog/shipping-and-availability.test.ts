import { describe, expect, it } from 'vitest';
import { availabilityStatus, schemaOrgAvailability } from '../../shared/catalog/availability.ts';
import { ShippingMethod, ShopSettings } from '../../shared/catalog/settings.ts';
import { quoteShipping } from '../../shared/catalog/shipping.ts';

const flat = ShippingMethod.parse({
  kind: 'flat',
  id: 'local',
  name: { es: 'Reparto' },
  price: 350,
  freeAbove: 3000,
  countries: ['ES'],
});
const bands = ShippingMethod.parse({
  kind: 'weight_bands',
  id: 'post',
  name: { es: 'Correos' },
  bands: [
    { upToGrams: 2000, price: 790 },
    { upToGrams: 500, price: 450 },
  ],
  countries: ['ES', 'PT'],
});
const pickup = ShippingMethod.parse({
  kind: 'pickup',
  id: 'shop',
  name: { es: 'Recogida' },
  address: 'Calle Mayor 1',
  weekdays: [2, 3],
  slots: [{ id: 'am', from: '09:00', to: '13:00' }],
});

describe('quoteShipping', () => {
  it('charges a flat rate, free from the threshold', () => {
    expect(quoteShipping(flat, { subtotal: 2999, weightGrams: 0, country: 'ES' })).toBe(350);
    expect(quoteShipping(flat, { subtotal: 3000, weightGrams: 0, country: 'es' })).toBe(0);
  });

  it('picks the first weight band that covers the parcel, whatever their order', () => {
    expect(quoteShipping(bands, { subtotal: 0, weightGrams: 400, country: 'PT' })).toBe(450);
    expect(quoteShipping(bands, { subtotal: 0, weightGrams: 501, country: 'ES' })).toBe(790);
    expect(quoteShipping(bands, { subtotal: 0, weightGrams: 2001, country: 'ES' })).toBeUndefined();
  });

  it('refuses a country the method does not serve, and prices pickup at its own price', () => {
    expect(quoteShipping(flat, { subtotal: 0, weightGrams: 0, country: 'FR' })).toBeUndefined();
    expect(quoteShipping(pickup, { subtotal: 0, weightGrams: 99_999, country: 'FR' })).toBe(0);
  });
});

describe('availabilityStatus', () => {
  it.each([
    [10, 'deny', 'in_stock', 'https://schema.org/InStock'],
    [3, 'deny', 'low', 'https://schema.org/InStock'],
    [0, 'deny', 'out_of_stock', 'https://schema.org/OutOfStock'],
    [0, 'allow', 'backorder', 'https://schema.org/BackOrder'],
    [-2, 'made_to_order', 'made_to_order', 'https://schema.org/MadeToOrder'],
    [5, 'made_to_order', 'in_stock', 'https://schema.org/InStock'],
  ] as const)('%i units with %s → %s', (units, policy, status, schema) => {
    expect(availabilityStatus(units, policy, 3)).toBe(status);
    expect(schemaOrgAvailability(status)).toBe(schema);
  });
});

describe('ShopSettings', () => {
  it('fills every default from an empty object', () => {
    const settings = ShopSettings.parse({});
    expect(settings.payments.enabled).toEqual(['bank_transfer']);
    expect(settings.returnsDays).toBe(14);
    expect(settings.newsletter).toEqual({ enabled: true, formVersion: 'storefront-v1' });
  });

  it('refuses a withdrawal period below the EU minimum of 14 days', () => {
    expect(ShopSettings.safeParse({ returnsDays: 7 }).success).toBe(false);
  });
});
