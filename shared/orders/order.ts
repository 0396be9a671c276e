import { z } from 'zod';
import { Locale } from '../i18n/locale.ts';
import { ORDER_STATUSES } from './status.ts';

export const OrderStatus = z.enum(ORDER_STATUSES);

export const OrderLine = z.object({
  sku: z.string(),
  productId: z.string(),
  title: z.string(),
  variantLabel: z.string(),
  quantity: z.number().int().positive(),
  unitPrice: z.number().int().min(0),
  taxRate: z.number().int(),
  net: z.number().int(),
  vat: z.number().int(),
  total: z.number().int(),
  /** Assigned when a limited-edition order is paid. */
  editionNumbers: z.array(z.number().int().positive()).optional(),
  /** Units sold beyond stock (backorder or made to order). */
  backordered: z.number().int().min(0).optional(),
});
export type OrderLine = z.infer<typeof OrderLine>;

export const RateTotal = z.object({
  rate: z.number().int(),
  net: z.number().int(),
  vat: z.number().int(),
  total: z.number().int(),
});

export const OrderTotals = z.object({
  subtotal: z.number().int(),
  shipping: z.number().int(),
  total: z.number().int(),
  byRate: z.array(RateTotal),
});
export type OrderTotals = z.infer<typeof OrderTotals>;

export const Address = z.object({
  line1: z.string().min(1).max(200),
  city: z.string().min(1).max(100),
  postalCode: z.string().min(1).max(12),
  country: z.string().length(2),
});
export type Address = z.infer<typeof Address>;

export const Customer = z.object({
  name: z.string().min(1).max(120),
  email: z.email().max(254),
  phone: z.string().max(30).optional(),
  locale: Locale,
});
export type Customer = z.infer<typeof Customer>;

export const Fulfilment = z.object({
  method: z.enum(['pickup', 'shipping']),
  methodId: z.string(),
  methodName: z.string(),
  pickupDate: z.string().optional(),
  pickupSlot: z.string().optional(),
  pickupAddress: z.string().optional(),
  address: Address.optional(),
  /** Earliest dispatch or pickup date when the cart has made-to-order lines. */
  earliestDate: z.string().optional(),
  carrier: z.string().optional(),
  trackingUrl: z.string().optional(),
});
export type Fulfilment = z.infer<typeof Fulfilment>;

export const PaymentStatus = z.enum([
  'pending',
  'paid',
  'failed',
  'refunded',
  'partially_refunded',
  'cancelled',
]);

export const Payment = z.object({
  method: z.enum(['stripe', 'bank_transfer', 'pay_on_pickup']),
  status: PaymentStatus,
  /** Reference the shopper writes on a bank transfer (the order number). */
  reference: z.string().optional(),
  stripeSessionId: z.string().optional(),
  stripePaymentIntentId: z.string().optional(),
  refunded: z.number().int().min(0).default(0),
});
export type Payment = z.infer<typeof Payment>;

export const Reservation = z.object({
  status: z.enum(['held', 'committed', 'released']),
  /** When a held reservation lapses; `null` when it never does (pay on pickup). */
  expiresAt: z.iso.datetime().nullable(),
});

export const HistoryEntry = z.object({
  at: z.iso.datetime(),
  status: OrderStatus,
  who: z.string(),
  note: z.string().optional(),
});

/** The order document `shops/{shopId}/orders/{orderId}`. */
export const Order = z.object({
  id: z.string(),
  shopId: z.string(),
  number: z.string(),
  status: OrderStatus,
  lines: z.array(OrderLine).min(1),
  totals: OrderTotals,
  currency: z.literal('EUR'),
  customer: Customer,
  fulfilment: Fulfilment,
  payment: Payment,
  reservation: Reservation,
  /**
   * Flat copy of `reservation.expiresAt` while the reservation is held, `null` otherwise:
   * the sweeper's single-field range query needs no composite index.
   */
  holdExpiresAt: z.iso.datetime().nullable(),
  newsletter: z.boolean(),
  /** Secret of the status-page link; compared in constant time. Never logged. */
  statusToken: z.string().min(32),
  history: z.array(HistoryEntry),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  paidAt: z.iso.datetime().optional(),
  cancelledAt: z.iso.datetime().optional(),
});
export type Order = z.infer<typeof Order>;
