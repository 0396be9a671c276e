import { z } from 'zod';

/** No CR or LF: a name or subject must never be able to start a new header line. */
const HeaderSafe = z.string().regex(/^[^\r\n]*$/, 'must not contain line breaks');

export const MailMessage = z.object({
  from: HeaderSafe.min(3).max(320),
  to: z.email().max(254),
  replyTo: z.email().max(254).optional(),
  subject: HeaderSafe.min(1).max(300),
  html: z.string().max(2_000_000),
  text: z.string().max(1_000_000),
  /** Extra headers such as List-Unsubscribe; names and values single-line. */
  headers: z.record(z.string().regex(/^[A-Za-z0-9-]+$/), HeaderSafe).optional(),
  /** Stable Message-ID (without angle brackets) so a retried send is recognisable. */
  messageId: HeaderSafe.optional(),
});
export type MailMessage = z.infer<typeof MailMessage>;
