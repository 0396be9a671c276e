import { z } from 'zod';
import { Locale } from '../../../shared/i18n/locale.ts';
import { EmailAddress } from '../../../shared/newsletter/subscriber.ts';
import { parseWith } from '../../http/body.ts';
import type { OutboxHandler } from '../../outbox/drain-outbox.ts';
import { startDoubleOptIn } from './start-double-opt-in.ts';

export const CHECKOUT_OPT_IN_EVENT = 'newsletter.checkout_optin';

const Payload = z.object({
  email: EmailAddress,
  locale: Locale.catch('es'),
  orderId: z.string().min(1).max(64),
});

/**
 * The shopper ticked the (unticked by default) newsletter box at checkout: the same double
 * opt-in as the storefront form, with the order as evidence. A retried event finds the
 * subscriber pending with a recent confirmation and sends nothing twice.
 */
export const startCheckoutOptIn: OutboxHandler = async (event, deps) => {
  const payload = parseWith(Payload, event.payload, 'event payload');
  await startDoubleOptIn(deps, event.shopId, {
    email: payload.email,
    locale: payload.locale,
    consent: {
      ip: null,
      userAgent: null,
      formVersion: 'checkout-v1',
      source: 'checkout',
      orderId: payload.orderId,
    },
  });
};
