import type { Locale } from '../../../shared/i18n/locale.ts';
import type { RenderedEmail } from '../../../shared/newsletter/campaign.ts';
import { escapeHtml, renderMjml } from '../../email/render-mjml.ts';
import type { Sender } from '../load-sender.ts';
import { emailLayout, textFooter } from './layout.ts';
import { markdownToHtml, markdownToText } from './markdown.ts';

export interface Notice {
  subject: string;
  heading: string;
  markdown: string;
  button?: { label: string; href: string };
}

/** A one-off email (confirmation, welcome, data access) in the newsletter's layout. */
export async function renderNotice(
  sender: Sender,
  locale: Locale,
  notice: Notice,
): Promise<RenderedEmail> {
  const button = notice.button
    ? `<mj-button href="${escapeHtml(notice.button.href)}" background-color="#222222">${escapeHtml(notice.button.label)}</mj-button>`
    : '';
  const body = `<mj-section background-color="#ffffff" padding="8px 16px 24px"><mj-column>
    <mj-text font-size="22px" font-weight="bold">${escapeHtml(notice.heading)}</mj-text>
    <mj-text>${markdownToHtml(notice.markdown)}</mj-text>${button}</mj-column></mj-section>`;
  const html = await renderMjml(emailLayout({ locale, shopName: sender.shopName, body }));
  const action = notice.button ? `\n\n${notice.button.label}: ${notice.button.href}` : '';
  const text = `${notice.heading}\n\n${markdownToText(notice.markdown)}${action}${textFooter(locale, sender.shopName)}`;
  return { subject: notice.subject, html, text, links: [] };
}
