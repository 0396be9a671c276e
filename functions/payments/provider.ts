import type { Order } from '../../shared/orders/order.ts';

export interface CheckoutSessionRequest {
  order: Order;
  shopName: string;
  successUrl: string;
  cancelUrl: string;
  /** When the hosted page stops accepting payment; the reservation lapses at the same time. */
  expiresAt: Date;
}

export interface HostedCheckout {
  sessionId: string;
  url: string;
}

export interface RefundRequest {
  paymentIntentId: string;
  /** Cents; a partial refund is any amount below what is left. */
  amount: number;
  /** Repeating the same key refunds once. */
  idempotencyKey: string;
}

/**
 * The payment-provider port for online payments. Manual methods (bank transfer, pay on
 * pickup) need no provider: the merchant marks the order paid.
 */
export interface PaymentProvider {
  readonly name: 'stripe';
  createCheckoutSession(request: CheckoutSessionRequest): Promise<HostedCheckout>;
  expireCheckoutSession(sessionId: string): Promise<void>;
  refund(request: RefundRequest): Promise<{ refundId: string }>;
}
