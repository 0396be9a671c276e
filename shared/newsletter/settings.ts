import { z } from 'zod';
import { LocalizedText } from '../i18n/locale.ts';
import { LocalizedLine, SingleLine } from './campaign.ts';

/**
 * Newsletter settings of a shop, in `shops/{shopId}/newsletter/settings` (kept apart from the
 * shop document so the storefront snapshot does not carry them).
 */
export const NewsletterSettings = z.object({
  /** Display name in From; defaults to the shop name. */
  fromName: SingleLine.max(80).optional(),
  /** Reply-To; defaults to the shop's contact address. */
  replyTo: z.email().max(254).optional(),
  welcome: z
    .object({
      enabled: z.boolean().default(false),
      subject: LocalizedLine.default({ es: '¡Bienvenida!', en: 'Welcome!' }),
      markdown: LocalizedText.default({
        es: 'Gracias por suscribirte.',
        en: 'Thanks for subscribing.',
      }),
    })
    .prefault({}),
  /** Open and click tracking; off unless the merchant turns it on. */
  tracking: z
    .object({ opens: z.boolean().default(false), clicks: z.boolean().default(false) })
    .prefault({}),
  /** Messages per second for this shop over the shared SMTP pool; 0 means no limit. */
  throttlePerSecond: z.number().min(0).max(10_000).default(20),
  /** Transient SMTP failures in one run that pause a campaign. */
  errorThreshold: z.number().int().min(1).max(100_000).default(25),
});
export type NewsletterSettings = z.infer<typeof NewsletterSettings>;
