import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { ShopProfile } from '../../shared/catalog/shop.ts';
import { siteUrlOf } from '../publish/site-url.ts';

export function newStatusToken(): string {
  return randomBytes(24).toString('base64url');
}

/** Constant-time comparison of a presented token with the order's. */
export function tokenMatches(presented: string, expected: string): boolean {
  const a = Buffer.from(presented);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The shopper's secret link to the order status page on the shop's storefront. */
export function statusUrl(
  publicBaseUrl: string,
  shop: Pick<ShopProfile, 'id' | 'siteUrl'>,
  orderId: string,
  token: string,
): string {
  const query = `?id=${encodeURIComponent(orderId)}&token=${encodeURIComponent(token)}`;
  return `${siteUrlOf(publicBaseUrl, shop)}/order${query}`;
}
