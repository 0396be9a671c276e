import type { Order } from './order.ts';

/** What the order status page shows: no internal ids, no token, no Stripe references. */
export function publicOrderView(order: Order) {
  return {
    id: order.id,
    number: order.number,
    status: order.status,
    createdAt: order.createdAt,
    paidAt: order.paidAt,
    currency: order.currency,
    lines: order.lines.map((l) => ({
      sku: l.sku,
      title: l.title,
      variantLabel: l.variantLabel,
      quantity: l.quantity,
      unitPrice: l.unitPrice,
      taxRate: l.taxRate,
      total: l.total,
      editionNumbers: l.editionNumbers,
    })),
    totals: order.totals,
    customer: { name: order.customer.name, locale: order.customer.locale },
    fulfilment: order.fulfilment,
    payment: {
      method: order.payment.method,
      status: order.payment.status,
      reference: order.payment.reference,
    },
    reservationExpiresAt: order.holdExpiresAt,
  };
}
export type PublicOrderView = ReturnType<typeof publicOrderView>;
