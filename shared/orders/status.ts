export const ORDER_STATUSES = [
  'pending_payment',
  'paid',
  'in_production',
  'ready_for_pickup',
  'shipped',
  'completed',
  'cancelled',
  'refunded',
] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

/**
 * The allowed changes of status. Anything else is refused with `invalid_transition`.
 * A partial refund keeps the status; a full refund moves a paid order to `refunded`.
 */
export const TRANSITIONS: Record<OrderStatus, readonly OrderStatus[]> = {
  pending_payment: ['paid', 'cancelled'],
  paid: ['in_production', 'ready_for_pickup', 'shipped', 'completed', 'cancelled', 'refunded'],
  in_production: ['ready_for_pickup', 'shipped', 'cancelled', 'refunded'],
  ready_for_pickup: ['completed', 'refunded'],
  shipped: ['completed', 'refunded'],
  completed: ['refunded'],
  cancelled: [],
  refunded: [],
};

export function canTransition(from: OrderStatus, to: OrderStatus): boolean {
  return TRANSITIONS[from].includes(to);
}
