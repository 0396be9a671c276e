import { AppError } from '../core/errors.ts';
import type { MailMessage } from './mail-message.ts';

export type { MailMessage } from './mail-message.ts';

export interface SentMail {
  messageId: string;
  accepted: string[];
  rejected: string[];
}

export interface Mailer {
  send(message: MailMessage): Promise<SentMail>;
  close(): Promise<void>;
}

/**
 * SMTP through a pooled nodemailer transport, created on first use so functions that never
 * send mail never load nodemailer. Permanent rejections (5xx) surface as `bad_request`
 * AppErrors with `details.smtpCode`, so callers can mark an address bounced.
 */
export function createSmtpMailer(
  smtpUrl: string,
  options: { maxConnections?: number; rateDelta?: number } = {},
): Mailer {
  let opening: Promise<import('nodemailer').Transporter> | undefined;
  // The schema loads with nodemailer, on the first send, not at cold start; once per mailer.
  let schema: Promise<typeof import('./mail-message.ts')> | undefined;

  // Concurrent first sends share one pool: without this each would create its own transport.
  function open(): Promise<import('nodemailer').Transporter> {
    opening ??= createTransport();
    return opening;
  }

  async function createTransport(): Promise<import('nodemailer').Transporter> {
    const nodemailer = await import('nodemailer');
    const url = new URL(smtpUrl);
    return nodemailer.createTransport({
      host: url.hostname,
      port: Number(url.port || (url.protocol === 'smtps:' ? 465 : 587)),
      secure: url.protocol === 'smtps:',
      ...(url.username
        ? {
            auth: {
              user: decodeURIComponent(url.username),
              pass: decodeURIComponent(url.password),
            },
          }
        : {}),
      pool: true,
      maxConnections: options.maxConnections ?? 5,
      // Local capture servers have no certificate; real relays are reached over smtps/STARTTLS.
      tls: { rejectUnauthorized: url.hostname !== '127.0.0.1' && url.hostname !== 'localhost' },
    });
  }

  return {
    async send(input) {
      schema ??= import('./mail-message.ts');
      const { MailMessage } = await schema;
      const message = MailMessage.parse(input);
      const smtp = await open();
      try {
        const info = await smtp.sendMail({
          from: message.from,
          to: message.to,
          replyTo: message.replyTo,
          subject: message.subject,
          html: message.html,
          text: message.text,
          headers: message.headers,
          ...(message.messageId ? { messageId: `<${message.messageId}>` } : {}),
        });
        return {
          messageId: info.messageId,
          accepted: (info.accepted ?? []).map(String),
          rejected: (info.rejected ?? []).map(String),
        };
      } catch (error) {
        const responseCode = (error as { responseCode?: number }).responseCode;
        if (responseCode && responseCode >= 500) {
          throw new AppError('bad_request', {
            message: `The mail server refused the message permanently (${responseCode}).`,
            details: { smtpCode: responseCode },
            cause: error,
          });
        }
        throw new AppError('upstream_unavailable', {
          message: 'The mail server could not be reached; the message will be retried.',
          cause: error,
        });
      }
    },
    async close() {
      const pool = opening ? await opening : undefined;
      opening = undefined;
      pool?.close();
    },
  };
}
