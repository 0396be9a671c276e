import { z } from 'zod';
import { pick } from '../../../shared/i18n/locale.ts';
import { parseWith } from '../../http/body.ts';
import type { OutboxHandler } from '../../outbox/drain-outbox.ts';
import { loadSender } from '../load-sender.ts';
import { readSubscriber } from '../read-docs.ts';
import { personalize } from '../render/personalize.ts';
import { unsubscribeLinks } from '../unsubscribe-headers.ts';

const Payload = z.object({ subscriberId: z.string().regex(/^[0-9a-f]{32}$/) });

/** The shop's optional welcome email, sent once after confirmation (the event key is the id). */
export const sendWelcome: OutboxHandler = async (event, deps, ctx) => {
  const { subscriberId } = parseWith(Payload, event.payload, 'event payload');
  const subscriber = await readSubscriber(deps.store, event.shopId, subscriberId);
  if (subscriber?.status !== 'confirmed') return;

  const sender = await loadSender(deps, event.shopId);
  const { welcome } = sender.settings;
  const subject = pick(welcome.subject, subscriber.locale);
  // MJML and Markdown load on first use, not at cold start.
  const { renderNotice } = await import('../render/render-notice.ts');
  const notice = await renderNotice(sender, subscriber.locale, {
    subject,
    heading: subject,
    markdown: pick(welcome.markdown, subscriber.locale),
  });
  const links = unsubscribeLinks(deps.secretKey, sender, subscriberId);
  const email = personalize(notice, { unsubscribeUrl: links.url });

  await deps.mailer.send({
    from: sender.from,
    to: subscriber.email,
    ...(sender.replyTo ? { replyTo: sender.replyTo } : {}),
    subject: email.subject,
    html: email.html,
    text: email.text,
    headers: { ...links.headers, 'Content-Language': subscriber.locale },
    messageId: `${ctx.idempotencyKey}@${sender.mailDomain}`,
  });
};
