import type { Locale } from '../../../shared/i18n/locale.ts';
import { escapeHtml, renderMjml } from '../../email/render-mjml.ts';

const TEXT = {
  es: {
    subject: 'Tu enlace para entrar en Kontá',
    heading: 'Entra en tu tienda',
    body: 'Pulsa el botón para entrar. El enlace sirve una sola vez y caduca en 15 minutos.',
    button: 'Entrar en Kontá',
    ignore: 'Si no lo has pedido tú, ignora este mensaje: nadie podrá entrar sin él.',
  },
  en: {
    subject: 'Your Kontá sign-in link',
    heading: 'Sign in to your shop',
    body: 'Press the button to sign in. The link works once and expires in 15 minutes.',
    button: 'Sign in to Kontá',
    ignore: 'If you did not ask for it, ignore this message: nobody can sign in without it.',
  },
} as const;

/** The magic-link email, in the user's language. */
export async function renderSignInEmail(
  locale: Locale,
  url: string,
): Promise<{ subject: string; html: string; text: string }> {
  const t = TEXT[locale];
  const href = escapeHtml(url);
  const html = await renderMjml(`<mjml lang="${locale}">
  <mj-body background-color="#f6f5f2">
    <mj-section background-color="#ffffff" padding="24px">
      <mj-column>
        <mj-text font-size="22px" font-weight="600">${escapeHtml(t.heading)}</mj-text>
        <mj-text font-size="16px">${escapeHtml(t.body)}</mj-text>
        <mj-button href="${href}" background-color="#1f4d3a">${escapeHtml(t.button)}</mj-button>
        <mj-text font-size="13px" color="#555555">${escapeHtml(t.ignore)}</mj-text>
      </mj-column>
    </mj-section>
  </mj-body>
</mjml>`);
  const text = `${t.heading}\n\n${t.body}\n\n${url}\n\n${t.ignore}\n`;
  return { subject: t.subject, html, text };
}
