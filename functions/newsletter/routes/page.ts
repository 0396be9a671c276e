import { html } from 'hono/html';
import type { Locale } from '../../../shared/i18n/locale.ts';
import { type NewsletterText, newsletterText } from '../../../shared/newsletter/texts.ts';

/** A minimal, script-free result page (confirmation, unsubscribe, errors) in the reader's language. */
export function resultPage(
  locale: Locale,
  shopName: string,
  title: NewsletterText,
  body: NewsletterText,
) {
  const heading = newsletterText(locale, title, shopName);
  return html`<!doctype html>
<html lang="${locale}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="robots" content="noindex"><title>${heading} · ${shopName}</title></head>
<body style="font:17px/1.5 system-ui,sans-serif;max-width:36rem;margin:3rem auto;padding:0 1rem">
<main><p>${shopName}</p><h1>${heading}</h1><p>${newsletterText(locale, body, shopName)}</p></main>
</body></html>`;
}
