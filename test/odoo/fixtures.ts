import type { z } from 'zod';
import type { Deps } from '../../functions/deps.ts';
import { changeOrderStatus } from '../../functions/orders/change-order-status.ts';
import { toDoc } from '../../functions/orders/order-paths.ts';
import type { Product } from '../../shared/catalog/product.ts';
import type { ShopProfile } from '../../shared/catalog/shop.ts';
import type { Order, OrderLine } from '../../shared/orders/order.ts';

/** Shops, products and paid orders shaped exactly as the catalog and checkout write them. */
export async function seedShop(deps: Deps, shopId: string, contactEmail = 'maker@bakery.test') {
  const shop: z.input<typeof ShopProfile> = {
    id: shopId,
    name: 'Horno Sin Gluten',
    plan: 'production',
    currency: 'EUR',
    locales: ['es', 'en'],
    defaultLocale: 'es',
    contactEmail,
    address: { street: 'Calle Mayor 1', city: 'Granada', postalCode: '18001', country: 'ES' },
    legal: { legalName: 'Horno SL', taxId: 'B00000000' },
    theme: { primaryColor: '#aa5500', accentColor: '#222222' },
    createdAt: '2026-01-01T00:00:00.000Z',
  };
  await deps.store.set(`shops/${shopId}`, shop);
}

export async function seedProduct(
  deps: Deps,
  shopId: string,
  input: {
    id: string;
    title: string;
    variants: { sku: string; price: number; label?: string; stock?: number }[];
    backorder?: Product['backorder'];
  },
): Promise<void> {
  const at = '2026-01-01T00:00:00.000Z';
  const product: Product = {
    id: input.id,
    slug: input.id,
    status: 'active',
    title: { es: input.title },
    description: { es: '' },
    collections: [],
    tags: [],
    images: [],
    taxClass: 'reduced',
    options: input.variants.some((v) => v.label)
      ? [{ name: { es: 'Tamaño' }, values: input.variants.map((v) => v.label ?? '-') }]
      : [],
    variants: input.variants.map((v) => ({
      sku: v.sku,
      optionValues: v.label ? [v.label] : [],
      price: v.price,
    })),
    backorder: input.backorder ?? 'deny',
    createdAt: at,
    updatedAt: at,
  };
  await deps.store.set(`shops/${shopId}/products/${input.id}`, product);
  for (const v of input.variants) {
    await deps.store.set(`shops/${shopId}/stock/${v.sku}`, {
      sku: v.sku,
      productId: input.id,
      available: v.stock ?? 0,
      reserved: 0,
      sold: 0,
      updatedAt: at,
    });
  }
}

export interface OrderInput {
  id: string;
  number: string;
  lines: { sku: string; productId: string; title: string; quantity: number; unitPrice: number }[];
  email?: string;
  method?: 'pickup' | 'shipping';
  locale?: 'es' | 'en';
}

/** Writes a pending order, then pays it through the orders domain (which enqueues its events). */
export async function seedPaidOrder(deps: Deps, shopId: string, input: OrderInput): Promise<void> {
  const at = deps.clock.now().toISOString();
  const lines: OrderLine[] = input.lines.map((l) => ({
    ...l,
    variantLabel: '',
    taxRate: 10,
    net: Math.round((l.unitPrice * l.quantity * 100) / 110),
    vat: l.unitPrice * l.quantity - Math.round((l.unitPrice * l.quantity * 100) / 110),
    total: l.unitPrice * l.quantity,
  }));
  const total = lines.reduce((sum, l) => sum + l.total, 0);
  const method = input.method ?? 'pickup';
  const order: Order = {
    id: input.id,
    shopId,
    number: input.number,
    status: 'pending_payment',
    lines,
    totals: { subtotal: total, shipping: 0, total, byRate: [] },
    currency: 'EUR',
    customer: {
      name: 'Ana García',
      email: input.email ?? 'ana@example.com',
      locale: input.locale ?? 'es',
    },
    fulfilment: {
      method,
      methodId: method,
      methodName: method === 'pickup' ? 'Recogida' : 'Envío',
      ...(method === 'shipping'
        ? {
            address: { line1: 'Calle Luna 2', city: 'Sevilla', postalCode: '41001', country: 'ES' },
          }
        : { pickupDate: '2026-12-05' }),
    },
    payment: { method: 'stripe', status: 'pending', refunded: 0 },
    reservation: { status: 'held', expiresAt: '2026-12-31T00:00:00.000Z' },
    holdExpiresAt: '2026-12-31T00:00:00.000Z',
    newsletter: false,
    statusToken: 'x'.repeat(40),
    history: [{ at, status: 'pending_payment', who: 'shopper' }],
    createdAt: at,
    updatedAt: at,
  };
  await deps.store.set(`shops/${shopId}/orders/${input.id}`, toDoc(order));
  await changeOrderStatus(deps, { shopId, orderId: input.id, to: 'paid', who: 'stripe' });
}
