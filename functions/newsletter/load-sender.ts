import { z } from 'zod';
import { Locale } from '../../shared/i18n/locale.ts';
import { NewsletterSettings } from '../../shared/newsletter/settings.ts';
import type { Deps } from '../deps.ts';
import { siteUrlOf } from '../publish/site-url.ts';
import { settingsPath } from './keys.ts';

/** The parts of the shop document a newsletter needs; the rest belongs to the catalog. */
const ShopFields = z.object({
  name: z.string().min(1).max(80).catch('Kontá'),
  contactEmail: z.email().optional().catch(undefined),
  siteUrl: z.url().optional().catch(undefined),
  defaultLocale: Locale.catch('es'),
  currency: z.string().length(3).catch('EUR'),
});

export interface Sender {
  shopId: string;
  shopName: string;
  /** `"Shop name" <no-reply@platform>`: the platform domain signs, the shop's name shows. */
  from: string;
  replyTo: string | undefined;
  /** Domain for Message-IDs and the mailto unsubscribe address. */
  mailDomain: string;
  /** Absolute base of the public storefront, for product links and relative image paths. */
  siteUrl: string;
  /** Absolute base of the storefront API, for confirm and unsubscribe links. */
  apiUrl: string;
  currency: string;
  settings: NewsletterSettings;
}

/** Display names are quoted; quotes, backslashes and control characters are dropped. */
export function formatAddress(name: string, address: string): string {
  const safe = name.replace(/[\p{Cc}"\\]/gu, '').trim();
  return safe ? `"${safe}" <${address}>` : address;
}

export async function loadSender(deps: Deps, shopId: string): Promise<Sender> {
  const [shopSnap, settingsSnap] = await deps.store.getAll([
    `shops/${shopId}`,
    settingsPath(shopId),
  ]);
  const shop = ShopFields.parse(shopSnap?.data ?? {});
  const settings = NewsletterSettings.parse(settingsSnap?.data ?? {});
  const platform = /<([^<>\s]+@[^<>\s]+)>/.exec(deps.config.mailFrom)?.[1] ?? deps.config.mailFrom;
  const base = deps.config.publicBaseUrl;
  return {
    shopId,
    shopName: shop.name,
    from: formatAddress(settings.fromName ?? shop.name, platform),
    replyTo: settings.replyTo ?? shop.contactEmail,
    mailDomain: platform.split('@')[1] ?? 'konta.localhost',
    siteUrl: siteUrlOf(base, { id: shopId, siteUrl: shop.siteUrl }),
    apiUrl: `${base}/api/shops/${shopId}/newsletter`,
    currency: shop.currency,
    settings,
  };
}
