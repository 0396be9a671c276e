import { z } from 'zod';
import { pick } from '../../../shared/i18n/locale.ts';
import { parseWith } from '../../http/body.ts';
import type { OutboxHandler } from '../../outbox/drain-outbox.ts';
import { loadSender } from '../load-sender.ts';
import { readSubscriber } from '../read-docs.ts';
import { sendNotice } from './send-notice.ts';

const Payload = z.object({ subscriberId: z.string().regex(/^[0-9a-f]{32}$/) });

/** The shop's optional welcome email, sent once after confirmation (the event key is the id). */
export const sendWelcome: OutboxHandler = async (event, deps, ctx) => {
  const { subscriberId } = parseWith(Payload, event.payload, 'event payload');
  const subscriber = await readSubscriber(deps.store, event.shopId, subscriberId);
  if (subscriber?.status !== 'confirmed') return;

  const sender = await loadSender(deps, event.shopId);
  const { welcome } = sender.settings;
  const subject = pick(welcome.subject, subscriber.locale);
  await sendNotice(
    deps,
    sender,
    { subscriberId, email: subscriber.email, locale: subscriber.locale },
    {
      subject,
      heading: subject,
      markdown: pick(welcome.markdown, subscriber.locale),
    },
    ctx.idempotencyKey,
  );
};
