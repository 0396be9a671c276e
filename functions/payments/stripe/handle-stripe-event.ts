import { isAppError } from '../../core/errors.ts';
import type { Deps } from '../../deps.ts';
import { ordersCollection } from '../../orders/order-paths.ts';
import { recordRefundTx } from '../../orders/record-refund.ts';
import { type TransitionRequest, transitionOrderTx } from '../../orders/transition-order.ts';
import type { Transaction } from '../../store/port.ts';
import { ChargeObject, SessionObject, type StripeEvent } from './stripe-event.ts';

export type EventOutcome = 'applied' | 'duplicate' | 'ignored' | 'rejected';

const eventPath = (shopId: string, eventId: string) => `shops/${shopId}/payment_events/${eventId}`;

type Action =
  | {
      kind: 'transition';
      orderId: string;
      req: Omit<TransitionRequest, 'now' | 'shopId' | 'orderId'>;
    }
  | { kind: 'refund'; orderId: string; refundedTotal: number }
  | { kind: 'none'; orderId?: string };

async function actionFor(deps: Deps, shopId: string, event: StripeEvent): Promise<Action> {
  if (event.type === 'charge.refunded') {
    const parsed = ChargeObject.safeParse(event.data.object);
    if (!parsed.success) return { kind: 'none' };
    const charge = parsed.data;
    const orderId =
      charge.metadata?.orderId ?? (await orderIdByIntent(deps, shopId, charge.payment_intent));
    if (!orderId) return { kind: 'none' };
    return { kind: 'refund', orderId, refundedTotal: charge.amount_refunded };
  }
  if (!event.type.startsWith('checkout.session.')) return { kind: 'none' };

  // Sessions Kontá did not create (payment links, other apps) carry no order: ignore them.
  const parsed = SessionObject.safeParse(event.data.object);
  if (!parsed.success) return { kind: 'none' };
  const session = parsed.data;
  const orderId = session.metadata.orderId;
  const intent = session.payment_intent ? { stripePaymentIntentId: session.payment_intent } : {};
  const payment = { stripeSessionId: session.id, ...intent };
  switch (event.type) {
    case 'checkout.session.completed':
      // `unpaid` means a delayed method (SEPA debit): wait for async_payment_succeeded.
      if (session.payment_status === 'unpaid') return { kind: 'none', orderId };
      return { kind: 'transition', orderId, req: { to: 'paid', who: 'stripe', payment } };
    case 'checkout.session.async_payment_succeeded':
      return { kind: 'transition', orderId, req: { to: 'paid', who: 'stripe', payment } };
    case 'checkout.session.async_payment_failed':
      return {
        kind: 'transition',
        orderId,
        req: {
          to: 'cancelled',
          who: 'stripe',
          note: 'payment failed',
          payment: { ...payment, status: 'failed' },
        },
      };
    case 'checkout.session.expired':
      return {
        kind: 'transition',
        orderId,
        req: { to: 'cancelled', who: 'stripe', note: 'card page expired', notify: false },
      };
    default:
      return { kind: 'none', orderId };
  }
}

async function orderIdByIntent(deps: Deps, shopId: string, intent: string | null | undefined) {
  if (!intent) return undefined;
  const found = await deps.store.query({
    collection: ordersCollection(shopId),
    where: [{ field: 'payment.stripePaymentIntentId', op: '==', value: intent }],
    limit: 1,
  });
  return found[0]?.id;
}

/**
 * Applies a verified Stripe event exactly once per event id: the event document and the
 * order change commit together, so a redelivered event finds its document and does nothing.
 * An event that cannot apply (payment for an order already cancelled) is recorded as
 * rejected and logged for the merchant, and acknowledged so Stripe stops retrying.
 */
export async function handleStripeEvent(
  deps: Deps,
  shopId: string,
  event: StripeEvent,
): Promise<EventOutcome> {
  const now = deps.clock.now();
  const action = await actionFor(deps, shopId, event);
  const record = (tx: Transaction, outcome: EventOutcome) =>
    tx.create(eventPath(shopId, event.id), {
      id: event.id,
      type: event.type,
      outcome,
      receivedAt: now.toISOString(),
      ...(action.orderId ? { orderId: action.orderId } : {}),
    });

  const apply = (tx: Transaction) => {
    if (action.kind === 'transition') {
      return transitionOrderTx(tx, { ...action.req, shopId, orderId: action.orderId, now });
    }
    if (action.kind === 'refund') {
      return recordRefundTx(tx, {
        shopId,
        orderId: action.orderId,
        refundedTotal: action.refundedTotal,
        who: 'stripe',
        now,
      });
    }
    return undefined;
  };

  try {
    return await deps.store.runTransaction(async (tx) => {
      if ((await tx.get(eventPath(shopId, event.id))).exists) return 'duplicate';
      await apply(tx);
      const outcome: EventOutcome = action.kind === 'none' ? 'ignored' : 'applied';
      record(tx, outcome);
      return outcome;
    });
  } catch (error) {
    if (!isAppError(error, 'invalid_transition') && !isAppError(error, 'not_found')) throw error;
    deps.log.warn(
      {
        shopId,
        orderId: action.orderId,
        eventId: event.id,
        eventType: event.type,
        err_code: error.code,
      },
      'stripe event rejected',
    );
    return deps.store.runTransaction(async (tx) => {
      if ((await tx.get(eventPath(shopId, event.id))).exists) return 'duplicate';
      record(tx, 'rejected');
      return 'rejected';
    });
  }
}
