import { z } from 'zod';
import { newsletterText } from '../../../shared/newsletter/texts.ts';
import { parseWith } from '../../http/body.ts';
import type { OutboxHandler } from '../../outbox/drain-outbox.ts';
import { loadSender } from '../load-sender.ts';
import { readSubscriber } from '../read-docs.ts';
import { CONFIRM_TTL_S, signToken } from '../tokens.ts';
import { sendNotice } from './send-notice.ts';

const Payload = z.object({ subscriberId: z.string().regex(/^[0-9a-f]{32}$/) });

/**
 * Sends the double opt-in email. The link expires 48 h after the request was recorded; a
 * subscriber who confirmed or left meanwhile gets nothing.
 */
export const sendConfirmation: OutboxHandler = async (event, deps, ctx) => {
  const { subscriberId } = parseWith(Payload, event.payload, 'event payload');
  const subscriber = await readSubscriber(deps.store, event.shopId, subscriberId);
  if (subscriber?.status !== 'pending' || !subscriber.confirmationSentAt) return;

  const sender = await loadSender(deps, event.shopId);
  const expiresAt = Math.floor(Date.parse(subscriber.confirmationSentAt) / 1000) + CONFIRM_TTL_S;
  const token = signToken(deps.secretKey, event.shopId, { purpose: 'c', subscriberId, expiresAt });
  const { locale } = subscriber;
  const name = sender.shopName;
  await sendNotice(
    deps,
    sender,
    { subscriberId, email: subscriber.email, locale: locale },
    {
      subject: newsletterText(locale, 'confirmSubject', name),
      heading: newsletterText(locale, 'confirmHeading', name),
      markdown: newsletterText(locale, 'confirmBody', name),
      button: {
        label: newsletterText(locale, 'confirmButton', name),
        href: `${sender.apiUrl}/confirm?token=${token}`,
      },
    },
    ctx.idempotencyKey,
  );
};
