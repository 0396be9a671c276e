import type { Deps } from '../deps.ts';
import type { MailMessage } from '../email/mailer.ts';
import type { OutboxHandler } from './drain-outbox.ts';

/**
 * The generic `email.send` event: a fully rendered message. The event id becomes the
 * Message-ID, so a resend after a crash is recognisable as the same message downstream.
 */
export const sendEmailHandler: OutboxHandler = async (event, deps: Deps, ctx) => {
  const message = event.payload.message as MailMessage;
  await deps.mailer.send({ ...message, messageId: `${ctx.idempotencyKey}@konta` });
};
