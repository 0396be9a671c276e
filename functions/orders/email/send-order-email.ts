import { z } from 'zod';
import { statusUrl } from '../../checkout/status-link.ts';
import { AppError } from '../../core/errors.ts';
import type { OutboxHandler } from '../../outbox/drain-outbox.ts';
import { loadShop } from '../load-shop.ts';
import { ORDER_EMAIL_KINDS } from '../order-events.ts';
import { loadOrder } from '../order-paths.ts';
import { renderOrderEmail } from './render-order-email.ts';

const Payload = z.object({ orderId: z.string(), kind: z.enum(ORDER_EMAIL_KINDS) });

/** `From: "Shop name" <platform address>`: the platform sends, replies go to the shop. */
function fromFor(mailFrom: string, shopName: string): string {
  const address = /<([^>]+)>/.exec(mailFrom)?.[1] ?? mailFrom;
  const name = shopName.replace(/["\\\r\n]/g, '');
  return `"${name}" <${address}>`;
}

/**
 * The `order.email` outbox event: renders the order's current state at send time (so a retry
 * shows fresh data) and sends it with the event id as Message-ID.
 */
export const sendOrderEmailHandler: OutboxHandler = async (event, deps, ctx) => {
  const parsed = Payload.safeParse(event.payload);
  if (!parsed.success) throw new AppError('bad_request', { message: 'Bad order.email payload.' });
  const { orderId, kind } = parsed.data;
  const order = await loadOrder(deps.store, event.shopId, orderId);
  const { profile } = await loadShop(deps.store, event.shopId);

  const merchant = kind === 'merchant_order';
  const email = await renderOrderEmail({
    order,
    shop: profile,
    kind,
    locale: merchant ? profile.defaultLocale : order.customer.locale,
    statusUrl: statusUrl(deps.config.publicBaseUrl, profile, order.id, order.statusToken),
  });
  await deps.mailer.send({
    from: fromFor(deps.config.mailFrom, profile.name),
    to: merchant ? profile.contactEmail : order.customer.email,
    replyTo: merchant ? order.customer.email : profile.contactEmail,
    subject: email.subject,
    html: email.html,
    text: email.text,
    messageId: `${ctx.idempotencyKey}@konta`,
  });
  deps.log.info({ shopId: event.shopId, orderId, kind }, 'order email sent');
};
