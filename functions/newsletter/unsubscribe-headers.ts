import type { Sender } from './load-sender.ts';
import { signToken } from './tokens.ts';

export interface UnsubscribeLinks {
  /** The https link for the footer and the one-click POST. */
  url: string;
  mailto: string;
  headers: Record<string, string>;
}

/**
 * RFC 2369 + RFC 8058 headers, written by hand: nodemailer's `list` option would put the https
 * and mailto targets on two `List-Unsubscribe` lines, which some receivers ignore.
 */
export function unsubscribeLinks(
  secretKey: string,
  sender: Sender,
  subscriberId: string,
  campaignId?: string,
): UnsubscribeLinks {
  const token = signToken(secretKey, sender.shopId, {
    purpose: 'u',
    subscriberId,
    ...(campaignId ? { campaignId } : {}),
  });
  const url = `${sender.apiUrl}/unsubscribe?token=${token}`;
  const mailto = `mailto:unsubscribe@${sender.mailDomain}?subject=unsubscribe%20${sender.shopId}%20${token}`;
  return {
    url,
    mailto,
    headers: {
      'List-Unsubscribe': `<${url}>, <${mailto}>`,
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    },
  };
}
