import type { Locale } from '../../../shared/i18n/locale.ts';
import { newsletterText } from '../../../shared/newsletter/texts.ts';
import { escapeHtml } from '../../email/render-mjml.ts';

/**
 * Per-recipient values are filled in after the one MJML compile, by plain string replacement:
 * the placeholders survive MJML untouched and cannot appear in escaped merchant text.
 */
export const PLACEHOLDER = {
  unsubscribe: '%%KONTA_UNSUBSCRIBE%%',
  track: '%%KONTA_TRACK%%',
} as const;

export interface LayoutInput {
  locale: Locale;
  shopName: string;
  preheader?: string;
  /** MJML sections (`<mj-section>…`) for the body. */
  body: string;
  /** Adds a 1×1 open pixel pointing at this URL prefix + the track placeholder. */
  openPixelUrl?: string;
}

/** The shell every newsletter email shares: width, fonts, the footer with the unsubscribe link. */
export function emailLayout(input: LayoutInput): string {
  const footer = escapeHtml(newsletterText(input.locale, 'footer', input.shopName));
  const label = escapeHtml(newsletterText(input.locale, 'unsubscribe', input.shopName));
  const pixel = input.openPixelUrl
    ? `<mj-raw><img src="${input.openPixelUrl}${PLACEHOLDER.track}" width="1" height="1" alt="" style="display:block"></mj-raw>`
    : '';
  return `<mjml lang="${input.locale}">
  <mj-head>
    <mj-title>${escapeHtml(input.shopName)}</mj-title>
    ${input.preheader ? `<mj-preview>${escapeHtml(input.preheader)}</mj-preview>` : ''}
    <mj-attributes>
      <mj-all font-family="Helvetica, Arial, sans-serif" />
      <mj-text font-size="16px" line-height="1.5" color="#222222" />
    </mj-attributes>
  </mj-head>
  <mj-body width="600px" background-color="#f4f4f4">
    <mj-section background-color="#ffffff" padding="16px 0 0">
      <mj-column><mj-text font-size="20px" font-weight="bold" align="center">${escapeHtml(input.shopName)}</mj-text></mj-column>
    </mj-section>
    ${input.body}
    <mj-section padding="16px">
      <mj-column>
        <mj-text font-size="12px" color="#666666" align="center">${footer}<br><a href="${PLACEHOLDER.unsubscribe}" style="color:#666666">${label}</a></mj-text>
        ${pixel}
      </mj-column>
    </mj-section>
  </mj-body>
</mjml>`;
}

/** Footer of the plain-text part. */
export function textFooter(locale: Locale, shopName: string): string {
  return `\n\n--\n${newsletterText(locale, 'footer', shopName)}\n${newsletterText(locale, 'unsubscribe', shopName)}: ${PLACEHOLDER.unsubscribe}\n`;
}
