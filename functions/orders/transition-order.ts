import { Product } from '../../shared/catalog/product.ts';
import type { Order, OrderLine, Payment } from '../../shared/orders/order.ts';
import { canTransition, type OrderStatus } from '../../shared/orders/status.ts';
import { AppError } from '../core/errors.ts';
import { clearHold } from '../inventory/holds.ts';
import { applyStockMoves, loadStock, type StockMove } from '../inventory/stock-moves.ts';
import type { Transaction } from '../store/port.ts';
import { emitOrderPaid, enqueueOrderEmail } from './order-events.ts';
import { loadOrderTx, orderPath, toDoc } from './order-paths.ts';

export interface TransitionRequest {
  shopId: string;
  orderId: string;
  to: OrderStatus;
  /** A user id or a system name (`stripe`, `sweeper`). */
  who: string;
  note?: string;
  /** Merged into `payment` (Stripe ids, status). */
  payment?: Partial<Payment>;
  /** For `shipped`. */
  carrier?: string;
  trackingUrl?: string;
  /** False for changes the shopper did not see coming as an order (an abandoned card page). */
  notify?: boolean;
  now: Date;
}

export type TransitionResult = { order: Order; changed: boolean };

/**
 * Moves an order to `to` inside the caller's transaction, with its stock and outbox effects:
 * paid commits the reservation (numbering limited editions), cancelled releases it (or
 * returns sold units), and each customer-visible change enqueues its email. It reads first,
 * then writes, so the caller may read before calling it and write after. Moving an order to
 * the status it already has is a no-op (webhooks and double clicks repeat).
 */
export async function transitionOrderTx(
  tx: Transaction,
  req: TransitionRequest,
): Promise<TransitionResult> {
  const order = await loadOrderTx(tx, req.shopId, req.orderId);
  if (order.status === req.to) return { order, changed: false };
  if (!canTransition(order.status, req.to)) {
    throw new AppError('invalid_transition', {
      message: `Order ${order.number} cannot go from ${order.status} to ${req.to}.`,
      details: { from: order.status, to: req.to },
    });
  }

  const skus = order.lines.map((l) => l.sku);
  const touchesStock = req.to === 'paid' || req.to === 'cancelled';
  const stock = touchesStock ? await loadStock(tx, req.shopId, skus) : undefined;
  const products = req.to === 'paid' ? await loadProducts(tx, req.shopId, order.lines) : undefined;

  const at = req.now.toISOString();
  const next: Order = structuredClone(order);
  next.status = req.to;
  next.updatedAt = at;
  next.history.push({ at, status: req.to, who: req.who, ...(req.note ? { note: req.note } : {}) });
  if (req.payment) next.payment = { ...next.payment, ...req.payment };

  const moves: StockMove[] = [];
  if (req.to === 'paid') {
    next.paidAt = at;
    next.payment.status = 'paid';
    if (order.reservation.status === 'held') {
      for (const l of order.lines) moves.push({ kind: 'commit', sku: l.sku, quantity: l.quantity });
      next.reservation = { status: 'committed', expiresAt: null };
    }
    next.holdExpiresAt = null;
    next.lines = assignEditions(next.lines, stock!, products!);
  }
  if (req.to === 'cancelled') {
    next.cancelledAt = at;
    if (next.payment.status === 'pending') next.payment.status = 'cancelled';
    if (order.reservation.status === 'held') {
      for (const l of order.lines)
        moves.push({ kind: 'release', sku: l.sku, quantity: l.quantity });
    } else if (order.reservation.status === 'committed') {
      for (const l of order.lines) {
        moves.push({ kind: 'adjust', sku: l.sku, delta: l.quantity, reason: 'return' });
      }
    }
    next.reservation = { status: 'released', expiresAt: null };
    next.holdExpiresAt = null;
  }
  if (req.to === 'shipped') {
    next.fulfilment = {
      ...next.fulfilment,
      ...(req.carrier ? { carrier: req.carrier } : {}),
      ...(req.trackingUrl ? { trackingUrl: req.trackingUrl } : {}),
    };
  }

  if (stock && moves.length > 0) {
    applyStockMoves(tx, stock, moves, {
      shopId: req.shopId,
      who: req.who,
      why: `order ${order.number} ${req.to}`,
      orderId: order.id,
      now: req.now,
      mayGoNegative: new Set(skus),
    });
  }
  tx.set(orderPath(req.shopId, order.id), toDoc(next));
  if (order.holdExpiresAt !== null && next.holdExpiresAt === null) {
    clearHold(tx, req.shopId, order.id);
  }

  if (req.to === 'paid') emitOrderPaid(tx, next, req.now);
  const notify = req.notify !== false;
  if (notify && (req.to === 'ready_for_pickup' || req.to === 'shipped' || req.to === 'cancelled')) {
    enqueueOrderEmail(tx, next, req.to, req.now);
  }
  if (notify && req.to === 'refunded')
    enqueueOrderEmail(tx, next, 'refunded', req.now, `refunded:${at}`);
  return { order: next, changed: true };
}

async function loadProducts(tx: Transaction, shopId: string, lines: readonly OrderLine[]) {
  const ids = [...new Set(lines.map((l) => l.productId))];
  const snaps = await tx.getAll(ids.map((id) => `shops/${shopId}/products/${id}`));
  const products = new Map<string, Product>();
  for (const snap of snaps) {
    const parsed = Product.safeParse(snap.data);
    if (parsed.success) products.set(snap.id, parsed.data);
  }
  return products;
}

/** Numbers each unit of a limited edition from the SKU's counter, in order of payment. */
function assignEditions(
  lines: OrderLine[],
  stock: NonNullable<Awaited<ReturnType<typeof loadStock>>>,
  products: Map<string, Product>,
): OrderLine[] {
  return lines.map((line) => {
    const edition = products.get(line.productId)?.limitedEdition;
    const doc = stock.get(line.sku)?.doc;
    if (!edition || !doc || line.editionNumbers) return line;
    const first = (doc.lastEdition ?? doc.sold) + 1;
    const numbers = Array.from({ length: line.quantity }, (_, i) => first + i).filter(
      (n) => n <= edition.editionSize,
    );
    doc.lastEdition = first + line.quantity - 1;
    return { ...line, editionNumbers: numbers };
  });
}
