import type { Locale } from '../../../shared/i18n/locale.ts';
import { escapeHtml, renderMjml } from '../../email/render-mjml.ts';

export interface ProductionEmail {
  subject: string;
  html: string;
  text: string;
}

/** A plain notice: a heading, paragraphs and an optional list, as HTML (MJML) and text. */
export async function renderProductionEmail(input: {
  locale: Locale;
  shopName: string;
  subject: string;
  paragraphs: string[];
  list?: string[];
  closing?: string;
}): Promise<ProductionEmail> {
  const p = (t: string) => `<mj-text>${escapeHtml(t)}</mj-text>`;
  const list = input.list?.length
    ? `<mj-text><ul>${input.list.map((i) => `<li>${escapeHtml(i)}</li>`).join('')}</ul></mj-text>`
    : '';
  const mjml = `<mjml lang="${input.locale}">
  <mj-head><mj-title>${escapeHtml(input.subject)}</mj-title>
    <mj-attributes><mj-all font-family="Helvetica, Arial, sans-serif" />
    <mj-text font-size="16px" line-height="1.5" color="#222222" /></mj-attributes></mj-head>
  <mj-body width="600px" background-color="#f4f4f4">
    <mj-section background-color="#ffffff"><mj-column>
      <mj-text font-size="20px" font-weight="bold">${escapeHtml(input.shopName)}</mj-text>
      ${input.paragraphs.map(p).join('\n')}
      ${list}
      ${input.closing ? p(input.closing) : ''}
    </mj-column></mj-section>
  </mj-body>
</mjml>`;
  const text = [
    input.shopName,
    '',
    ...input.paragraphs,
    ...(input.list ?? []).map((i) => `- ${i}`),
    ...(input.closing ? ['', input.closing] : []),
  ].join('\n');
  return { subject: input.subject, html: await renderMjml(mjml), text };
}
