import type { Locale } from '../../../shared/i18n/locale.ts';
import type { Deps } from '../../deps.ts';
import { findUserByEmail } from './add-member.ts';
import { LINK_TTL_MS, normalizeEmail, SIGN_IN_LINKS, type SignInLinkDoc } from './docs.ts';
import { enforceRateLimits } from './rate-limit.ts';
import { renderSignInEmail } from './sign-in-email.ts';
import { hashToken, newToken } from './tokens.ts';

export const LINK_LIMITS = {
  perEmail: { max: 5, windowMs: 15 * 60_000 },
  perIp: { max: 20, windowMs: 15 * 60_000 },
};

/**
 * Emails a single-use sign-in link when the address belongs to a member of some shop. The
 * answer is the same whether or not it does, so the form cannot be used to probe addresses.
 * Returns the raw token only to callers that must show it (the operator CLI); HTTP never does.
 */
export async function requestSignInLink(
  deps: Deps,
  input: { email: string; ip: string; locale?: Locale; shopId?: string },
): Promise<{ sent: boolean; token?: string }> {
  const email = normalizeEmail(input.email);
  await enforceRateLimits(deps, [
    { key: `link-email:${email}`, ...LINK_LIMITS.perEmail },
    { key: `link-ip:${input.ip}`, ...LINK_LIMITS.perIp },
  ]);

  const user = await findUserByEmail(deps, email);
  if (!user || Object.keys(user.shops).length === 0) {
    deps.log.info({ found: false }, 'sign-in link not sent');
    return { sent: false };
  }

  const now = deps.clock.now();
  const token = newToken();
  const link: SignInLinkDoc = {
    userId: user.id,
    ...(input.shopId && user.shops[input.shopId] ? { shopId: input.shopId } : {}),
    createdAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + LINK_TTL_MS).toISOString(),
  };
  await deps.store.create(`${SIGN_IN_LINKS}/${hashToken(token)}`, link);

  const locale = input.locale ?? user.locale;
  const url = `${deps.config.publicBaseUrl}/admin/sign-in.html?token=${token}`;
  const mail = await renderSignInEmail(locale, url);
  await deps.mailer.send({ from: deps.config.mailFrom, to: email, ...mail });
  deps.log.info({ userId: user.id }, 'sign-in link sent');
  return { sent: true, token };
}
