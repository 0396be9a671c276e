import { Product } from '../../../shared/catalog/product.ts';
import type { Order } from '../../../shared/orders/order.ts';
import { canTransition } from '../../../shared/orders/status.ts';
import type { Deps } from '../../deps.ts';
import { loadShop } from '../../orders/load-shop.ts';
import { loadOrder } from '../../orders/order-paths.ts';
import { transitionOrderTx } from '../../orders/transition-order.ts';
import { enqueue } from '../../outbox/enqueue.ts';
import { renderProductionEmail } from '../email/render-production-email.ts';
import { fill } from '../email/texts.ts';
import { taskId, taskPath } from '../paths.ts';
import type { ProductionTask } from './task.ts';

/** Made-to-order lines of an order: products whose backorder policy is `made_to_order`. */
async function madeToOrderLines(deps: Deps, order: Order) {
  const ids = [...new Set(order.lines.map((l) => l.productId))];
  const snaps = await deps.store.getAll(ids.map((id) => `shops/${order.shopId}/products/${id}`));
  const mto = new Set(
    snaps
      .map((s) => Product.safeParse(s.data))
      .filter((p) => p.success && p.data.backorder === 'made_to_order')
      .map((p) => p.data!.id),
  );
  return order.lines.filter((l) => mto.has(l.productId));
}

/**
 * Creates one task per made-to-order line of a firm order, moves a paid order to
 * `in_production` and emails the maker, all in one transaction. Running it again finds the
 * tasks and does nothing, so the maker gets one email per order.
 */
export async function createOrderTasks(
  deps: Deps,
  shopId: string,
  orderId: string,
): Promise<{ created: number }> {
  const order = await loadOrder(deps.store, shopId, orderId);
  const lines = await madeToOrderLines(deps, order);
  if (lines.length === 0) return { created: 0 };
  const { profile } = await loadShop(deps.store, shopId);
  const locale = profile.defaultLocale;
  const due = order.fulfilment.earliestDate ?? order.fulfilment.pickupDate;
  const email = await renderProductionEmail({
    locale,
    shopName: profile.name,
    subject: fill(locale, 'makerSubject', { number: order.number }),
    paragraphs: [
      fill(locale, 'makerIntro', { number: order.number, customer: order.customer.name }),
      ...(due ? [fill(locale, 'makerDue', { date: due })] : []),
    ],
    list: lines.map(
      (l) => `${l.quantity} × ${l.title}${l.variantLabel ? ` (${l.variantLabel})` : ''} — ${l.sku}`,
    ),
    closing: fill(locale, 'makerOutro'),
  });

  const now = deps.clock.now();
  return deps.store.runTransaction(async (tx) => {
    const paths = lines.map((l) => taskPath(shopId, taskId(orderId, l.sku)));
    const existing = await tx.getAll(paths);
    const fresh = lines.filter((_, i) => !existing[i]!.exists);
    if (fresh.length === 0) return { created: 0 };
    if (canTransition(order.status, 'in_production')) {
      await transitionOrderTx(tx, {
        shopId,
        orderId,
        to: 'in_production',
        who: 'production',
        now,
      });
    }
    for (const line of fresh) {
      const task: ProductionTask = {
        id: taskId(orderId, line.sku),
        orderId,
        orderNumber: order.number,
        sku: line.sku,
        title: line.variantLabel ? `${line.title} (${line.variantLabel})` : line.title,
        quantity: line.quantity,
        status: 'open',
        ...(due ? { dueDate: due } : {}),
        createdAt: now.toISOString(),
      };
      tx.create(taskPath(shopId, task.id), task);
    }
    enqueue(
      tx,
      {
        type: 'email.send',
        shopId,
        key: `production-maker:${orderId}`,
        payload: {
          message: { from: deps.config.mailFrom, to: profile.contactEmail, ...email },
        },
      },
      now,
    );
    return { created: fresh.length };
  });
}
