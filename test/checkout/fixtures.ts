import type { Deps } from '../../functions/deps.ts';
import { adjustStock } from '../../functions/inventory/adjust-stock.ts';
import { type LedgerDoc, type StockDoc, stockPath } from '../../functions/inventory/stock.ts';
import type { Product } from '../../shared/catalog/product.ts';
import type { ShopProfile } from '../../shared/catalog/shop.ts';

export const SHOP = 'bakery-flor';
export const AT = '2026-12-01T09:00:00.000Z';

/** A bakery-and-prints shop: pickup (Mon–Sat), flat and weight-band shipping, all payments. */
export function shopDoc(overrides: Partial<ShopProfile> = {}): ShopProfile {
  return {
    id: SHOP,
    name: 'Bakery Flor',
    plan: 'production',
    currency: 'EUR',
    locales: ['es', 'en'],
    defaultLocale: 'es',
    contactEmail: 'hola@bakery-flor.example',
    address: { street: 'Calle Mayor 1', city: 'Granada', postalCode: '18001', country: 'ES' },
    legal: { legalName: 'Flor Panadería SL', taxId: 'B12345678' },
    theme: { primaryColor: '#aa3300', accentColor: '#224466' },
    settings: {
      timeZone: 'Europe/Madrid',
      shippingMethods: [
        {
          kind: 'pickup',
          id: 'shop-pickup',
          name: { es: 'Recogida en tienda', en: 'Pickup at the shop' },
          address: 'Calle Mayor 1, Granada',
          weekdays: [1, 2, 3, 4, 5, 6],
          slots: [
            { id: 'morning', from: '09:00', to: '13:00' },
            { id: 'evening', from: '17:00', to: '20:00' },
          ],
          minDaysAhead: 1,
          maxDaysAhead: 14,
          price: 0,
        },
        {
          kind: 'flat',
          id: 'courier',
          name: { es: 'Mensajería', en: 'Courier' },
          price: 495,
          freeAbove: 5000,
          countries: ['ES'],
        },
        {
          kind: 'weight_bands',
          id: 'post',
          name: { es: 'Correos', en: 'Post' },
          bands: [
            { upToGrams: 1000, price: 390 },
            { upToGrams: 5000, price: 690 },
          ],
          countries: ['ES', 'PT'],
        },
      ],
      payments: {
        enabled: ['stripe', 'bank_transfer', 'pay_on_pickup'],
        bankTransfer: { iban: 'ES91 2100 0418 4502 0005 1332', accountHolder: 'Flor Panadería SL' },
      },
      returnsDays: 14,
      legalTexts: {},
      newsletter: { enabled: true, formVersion: 'storefront-v1' },
      lowStockThreshold: 3,
    },
    createdAt: AT,
    ...overrides,
  };
}

function product(p: Partial<Product> & Pick<Product, 'id' | 'taxClass' | 'variants'>): Product {
  return {
    slug: p.id,
    status: 'active',
    title: { es: p.id, en: p.id },
    description: { es: '' },
    collections: [],
    tags: [],
    images: [],
    options: [],
    backorder: 'deny',
    createdAt: AT,
    updatedAt: AT,
    ...p,
  };
}

export const PRODUCTS: Product[] = [
  product({
    id: 'teff-loaf',
    title: { es: 'Pan de teff', en: 'Teff loaf' },
    taxClass: 'super_reduced',
    variants: [{ sku: 'TEFF-500', optionValues: [], price: 450, weightGrams: 500 }],
  }),
  product({
    id: 'cheesecake',
    title: { es: 'Tarta de queso', en: 'Cheesecake' },
    taxClass: 'reduced',
    variants: [{ sku: 'CAKE-L', optionValues: [], price: 2500, weightGrams: 1200 }],
  }),
  product({
    id: 'tide-print',
    title: { es: 'Marea (grabado)', en: 'Tide (print)' },
    taxClass: 'general',
    limitedEdition: { editionSize: 10 },
    variants: [{ sku: 'TIDE-A3', optionValues: [], price: 12000, weightGrams: 300 }],
  }),
  product({
    id: 'pet-portrait',
    title: { es: 'Retrato de mascota', en: 'Pet portrait' },
    taxClass: 'general',
    backorder: 'made_to_order',
    leadTimeDays: 10,
    variants: [{ sku: 'PET-30', optionValues: [], price: 9000 }],
  }),
  product({
    id: 'old-calendar',
    status: 'draft',
    taxClass: 'general',
    variants: [{ sku: 'CAL-2025', optionValues: [], price: 1500 }],
  }),
];

export const INITIAL_STOCK: Record<string, number> = {
  'TEFF-500': 50,
  'CAKE-L': 5,
  'TIDE-A3': 10,
  'PET-30': 0,
  'CAL-2025': 20,
};

/** Writes the shop, its products, and stock through the ledger (so ledger sums hold). */
export async function seedShop(deps: Deps, stock: Record<string, number> = INITIAL_STOCK) {
  await deps.store.set(`shops/${SHOP}`, shopDoc() as unknown as Record<string, unknown>);
  for (const p of PRODUCTS) {
    await deps.store.set(`shops/${SHOP}/products/${p.id}`, p as unknown as Record<string, unknown>);
  }
  const now = deps.clock.now();
  await deps.store.runTransaction((tx) =>
    adjustStock(
      tx,
      PRODUCTS.flatMap((p) =>
        p.variants.map((v) => ({
          shopId: SHOP,
          sku: v.sku,
          productId: p.id,
          delta: stock[v.sku] ?? 0,
          reason: 'production' as const,
          who: 'seed',
          why: 'opening stock',
        })),
      ),
      now,
    ),
  );
}

export async function readStock(deps: Deps, sku: string): Promise<StockDoc> {
  return (await deps.store.get<StockDoc>(stockPath(SHOP, sku))).data!;
}

export async function ledgerSum(deps: Deps, sku: string): Promise<number> {
  const entries = await deps.store.query<LedgerDoc>({
    collection: `shops/${SHOP}/ledger`,
    where: [{ field: 'sku', op: '==', value: sku }],
  });
  return entries.reduce((sum, e) => sum + e.data!.delta, 0);
}

/** A valid checkout body: pickup tomorrow morning (the test clock is Tue 2026-12-01). */
export function checkoutBody(overrides: Record<string, unknown> = {}) {
  return {
    lines: [{ sku: 'TEFF-500', quantity: 2 }],
    customer: { name: 'Ana García', email: 'ana@example.com', locale: 'es' },
    fulfilment: {
      method: 'pickup',
      methodId: 'shop-pickup',
      pickupDate: '2026-12-02',
      pickupSlot: 'morning',
    },
    payment: 'bank_transfer',
    newsletter: false,
    ...overrides,
  };
}

export function postJson(
  app: { request: (path: string, init: RequestInit) => Response | Promise<Response> },
  path: string,
  body: unknown,
) {
  return Promise.resolve(
    app.request(path, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    }),
  );
}
