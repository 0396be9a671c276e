import { createHmac } from 'node:crypto';

/** Derived secrets, cached: a campaign signs two tokens per recipient. */
const secrets = new Map<string, Buffer>();

/**
 * Per-shop newsletter secret, derived from the platform secret: a token or subscriber id from
 * one shop means nothing in another, and rotating `SECRET_KEY` invalidates them all.
 */
export function shopSecret(secretKey: string, shopId: string): Buffer {
  const key = `${secretKey}\n${shopId}`;
  let secret = secrets.get(key);
  if (!secret) {
    secret = createHmac('sha256', secretKey).update(`newsletter\n${shopId}`).digest();
    if (secrets.size > 1000) secrets.clear();
    secrets.set(key, secret);
  }
  return secret;
}

/** Document id for an address: a keyed hash, so lookups need no query and ids reveal nothing. */
export function subscriberIdOf(secretKey: string, shopId: string, email: string): string {
  return createHmac('sha256', shopSecret(secretKey, shopId))
    .update(email.trim().toLowerCase())
    .digest('hex')
    .slice(0, 32);
}

export const subscribersPath = (shopId: string) => `shops/${shopId}/subscribers`;
export const subscriberPath = (shopId: string, id: string) => `shops/${shopId}/subscribers/${id}`;
export const campaignsPath = (shopId: string) => `shops/${shopId}/campaigns`;
export const campaignPath = (shopId: string, id: string) => `shops/${shopId}/campaigns/${id}`;
export const recipientPath = (shopId: string, campaignId: string, subscriberId: string) =>
  `shops/${shopId}/campaigns/${campaignId}/recipients/${subscriberId}`;
export const settingsPath = (shopId: string) => `shops/${shopId}/newsletter/settings`;

/** Shop ids in URLs: the catalog's slug alphabet. */
export const SHOP_ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;
