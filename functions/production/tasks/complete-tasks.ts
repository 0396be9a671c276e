import { canTransition } from '../../../shared/orders/status.ts';
import { AppError } from '../../core/errors.ts';
import type { Deps } from '../../deps.ts';
import { loadShop } from '../../orders/load-shop.ts';
import { loadOrder } from '../../orders/order-paths.ts';
import { transitionOrderTx } from '../../orders/transition-order.ts';
import { enqueue } from '../../outbox/enqueue.ts';
import { renderProductionEmail } from '../email/render-production-email.ts';
import { fill } from '../email/texts.ts';
import { taskPath, tasksCollection } from '../paths.ts';
import { ProductionTask } from './task.ts';

export interface CompleteTasksRequest {
  shopId: string;
  orderId: string;
  /** Only these SKUs' tasks; all open tasks of the order when omitted. */
  skus?: string[];
  who: string;
  why: string;
}

export interface CompleteTasksResult {
  completed: string[];
  /** True when this call finished the order's last task and the customer was told. */
  orderReady: boolean;
}

/**
 * Marks an order's tasks done. When the last one is done the customer hears that the order
 * is ready: a paid pickup order moves to `ready_for_pickup` (whose status email says so);
 * any other order gets the production "ready" email. Repeating it changes nothing.
 */
export async function completeTasks(
  deps: Deps,
  req: CompleteTasksRequest,
): Promise<CompleteTasksResult> {
  const order = await loadOrder(deps.store, req.shopId, req.orderId);
  const { profile } = await loadShop(deps.store, req.shopId);
  const locale = order.customer.locale;
  const pickup = order.fulfilment.method === 'pickup';
  const ready = await renderProductionEmail({
    locale,
    shopName: profile.name,
    subject: fill(locale, 'readySubject', { number: order.number }),
    paragraphs: [
      fill(locale, pickup ? 'readyPickup' : 'readyShipping', {
        number: order.number,
        customer: order.customer.name,
      }),
    ],
  });

  const now = deps.clock.now();
  return deps.store.runTransaction(async (tx) => {
    const snaps = await tx.query({
      collection: tasksCollection(req.shopId),
      where: [{ field: 'orderId', op: '==', value: req.orderId }],
    });
    const tasks = snaps.map((s) => ProductionTask.parse(s.data));
    const toClose = tasks.filter(
      (t) => t.status === 'open' && (!req.skus || req.skus.includes(t.sku)),
    );
    if (toClose.length === 0) return { completed: [], orderReady: false };
    const orderReady = tasks.every((t) => t.status === 'done' || toClose.includes(t));

    if (orderReady && pickup && canTransition(order.status, 'ready_for_pickup')) {
      await transitionOrderTx(tx, {
        shopId: req.shopId,
        orderId: req.orderId,
        to: 'ready_for_pickup',
        who: req.who,
        note: req.why,
        now,
      });
    } else if (orderReady) {
      enqueue(
        tx,
        {
          type: 'email.send',
          shopId: req.shopId,
          key: `production-ready:${req.orderId}`,
          payload: {
            message: {
              from: deps.config.mailFrom,
              to: order.customer.email,
              replyTo: profile.contactEmail,
              ...ready,
            },
          },
        },
        now,
      );
    }
    for (const task of toClose) {
      tx.update(taskPath(req.shopId, task.id), {
        status: 'done',
        doneAt: now.toISOString(),
        doneBy: req.who,
        doneWhy: req.why,
      });
    }
    return { completed: toClose.map((t) => t.sku), orderReady };
  });
}

/** The admin's "done" button on one task. */
export async function completeTask(
  deps: Deps,
  shopId: string,
  id: string,
  who: string,
): Promise<CompleteTasksResult> {
  const snap = await deps.store.get(taskPath(shopId, id));
  if (!snap.exists) {
    throw new AppError('not_found', { message: `There is no production task ${id}.` });
  }
  const task = ProductionTask.parse(snap.data);
  return completeTasks(deps, {
    shopId,
    orderId: task.orderId,
    skus: [task.sku],
    who,
    why: 'marked in admin',
  });
}
