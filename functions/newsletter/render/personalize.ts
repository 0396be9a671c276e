import type { RenderedEmail } from '../../../shared/newsletter/campaign.ts';
import { PLACEHOLDER } from './layout.ts';

export interface RecipientValues {
  unsubscribeUrl: string;
  /** Signed tracking token; only used when the shop tracks opens or clicks. */
  trackToken?: string;
}

/** One recipient's copy of a compiled email: string replacement only, no template engine. */
export function personalize(email: RenderedEmail, values: RecipientValues): RenderedEmail {
  const fill = (s: string, asHtml: boolean) =>
    s
      .replaceAll(
        PLACEHOLDER.unsubscribe,
        asHtml ? values.unsubscribeUrl.replaceAll('&', '&amp;') : values.unsubscribeUrl,
      )
      .replaceAll(PLACEHOLDER.track, values.trackToken ?? '');
  return { ...email, html: fill(email.html, true), text: fill(email.text, false) };
}
