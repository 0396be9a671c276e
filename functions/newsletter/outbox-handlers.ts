import type { OutboxHandlers } from '../outbox/drain-outbox.ts';
import { CHECKOUT_OPT_IN_EVENT, startCheckoutOptIn } from './subscribe/checkout-opt-in.ts';
import { WELCOME_EVENT } from './subscribe/confirm-subscription.ts';
import { sendConfirmation } from './subscribe/send-confirmation.ts';
import { sendWelcome } from './subscribe/send-welcome.ts';
import { CONFIRMATION_EVENT } from './subscribe/start-double-opt-in.ts';
import { DATA_ACCESS_EVENT, sendDataAccess } from './subscribe/subscriber-rights.ts';

/** The newsletter's outbox events, spread into the registry in `jobs/outbox-handlers.ts`. */
export const newsletterOutboxHandlers: OutboxHandlers = {
  [CHECKOUT_OPT_IN_EVENT]: startCheckoutOptIn,
  [CONFIRMATION_EVENT]: sendConfirmation,
  [WELCOME_EVENT]: sendWelcome,
  [DATA_ACCESS_EVENT]: sendDataAccess,
};
