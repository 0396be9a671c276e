import { newsletterOutboxHandlers } from '../newsletter/outbox-handlers.ts';
import { odooOutboxHandlers } from '../odoo/events.ts';
import { sendOrderEmailHandler } from '../orders/email/send-order-email.ts';
import type { OutboxHandlers } from '../outbox/drain-outbox.ts';
import { sendEmailHandler } from '../outbox/send-email.ts';
import { productionOutboxHandlers } from '../production/events.ts';

/** Every outbox event type and its handler. Domains add their entries here. */
export const outboxHandlers: OutboxHandlers = {
  'email.send': sendEmailHandler,
  'order.email': sendOrderEmailHandler,
  ...newsletterOutboxHandlers,
  ...odooOutboxHandlers,
  ...productionOutboxHandlers,
};
