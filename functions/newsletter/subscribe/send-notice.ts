import type { Locale } from '../../../shared/i18n/locale.ts';
import type { Deps } from '../../deps.ts';
import type { Sender } from '../load-sender.ts';
import { personalize } from '../render/personalize.ts';
import type { Notice } from '../render/render-notice.ts';
import { unsubscribeLinks } from '../unsubscribe-headers.ts';

export interface NoticeRecipient {
  subscriberId: string;
  email: string;
  locale: Locale;
}

/**
 * Sends a one-off newsletter email (confirmation, welcome, data access) with the unsubscribe
 * headers and a Message-ID derived from the outbox event, so a retried send is the same
 * message. MJML and Markdown load on the first notice, not at cold start.
 */
export async function sendNotice(
  deps: Deps,
  sender: Sender,
  to: NoticeRecipient,
  notice: Notice,
  idempotencyKey: string,
): Promise<void> {
  const { renderNotice } = await import('../render/render-notice.ts');
  const rendered = await renderNotice(sender, to.locale, notice);
  const links = unsubscribeLinks(deps.secretKey, sender, to.subscriberId);
  const email = personalize(rendered, { unsubscribeUrl: links.url });

  await deps.mailer.send({
    from: sender.from,
    to: to.email,
    ...(sender.replyTo ? { replyTo: sender.replyTo } : {}),
    subject: email.subject,
    html: email.html,
    text: email.text,
    headers: { ...links.headers, 'Content-Language': to.locale },
    messageId: `${idempotencyKey}@${sender.mailDomain}`,
  });
}
