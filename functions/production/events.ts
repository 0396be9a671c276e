import type { OutboxHandler, OutboxHandlers } from '../outbox/drain-outbox.ts';
import { PRODUCTION_EVENTS } from './paths.ts';
import { createOrderTasks } from './tasks/create-order-tasks.ts';

/** `production.create_tasks` (enqueued when an order becomes firm): tasks + the maker's email. */
const createTasksHandler: OutboxHandler = async (event, deps) => {
  const orderId = String(event.payload.orderId);
  const { created } = await createOrderTasks(deps, event.shopId, orderId);
  if (created > 0) {
    deps.log.info({ shopId: event.shopId, orderId, created }, 'production tasks created');
  }
};

export const productionOutboxHandlers: OutboxHandlers = {
  [PRODUCTION_EVENTS.createTasks]: createTasksHandler,
};
