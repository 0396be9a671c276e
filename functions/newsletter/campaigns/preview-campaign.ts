import type { Locale } from '../../../shared/i18n/locale.ts';
import type { CampaignContent, RenderedEmail } from '../../../shared/newsletter/campaign.ts';
import { EmailAddress } from '../../../shared/newsletter/subscriber.ts';
import { AppError } from '../../core/errors.ts';
import type { Deps } from '../../deps.ts';
import { loadSender } from '../load-sender.ts';
import { personalize } from '../render/personalize.ts';
import { renderCampaign } from '../render/render-campaign.ts';

/**
 * The email as a subscriber would get it, for the admin's desktop and mobile preview (the same
 * HTML in two frame widths). Links to unsubscribe point nowhere.
 */
export async function previewCampaign(
  deps: Deps,
  shopId: string,
  content: CampaignContent,
  locale: Locale,
): Promise<RenderedEmail> {
  const sender = await loadSender(deps, shopId);
  const rendered = await renderCampaign(deps, sender, content, locale);
  return personalize(rendered, { unsubscribeUrl: '#unsubscribe-preview', trackToken: 'preview' });
}

/** A test send to the merchant's own address, marked in the subject, outside any statistics. */
export async function sendTestEmail(
  deps: Deps,
  shopId: string,
  content: CampaignContent,
  locale: Locale,
  to: string,
): Promise<void> {
  const address = EmailAddress.safeParse(to);
  if (!address.success)
    throw new AppError('validation_failed', { message: 'Give a valid address.' });
  const sender = await loadSender(deps, shopId);
  const rendered = await renderCampaign(deps, sender, content, locale);
  const email = personalize(rendered, {
    unsubscribeUrl: `${sender.apiUrl}/unsubscribe?token=test`,
  });
  await deps.mailer.send({
    from: sender.from,
    to: address.data,
    ...(sender.replyTo ? { replyTo: sender.replyTo } : {}),
    subject: `[TEST] ${email.subject}`,
    html: email.html,
    text: email.text,
    headers: {
      'List-Unsubscribe': `<${sender.apiUrl}/unsubscribe?token=test>`,
      'Content-Language': locale,
    },
  });
}
