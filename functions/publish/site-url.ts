/** URL prefix of the storefronts on the local server: `/s/{shopId}/`. */
export const LOCAL_SITES_PREFIX = '/s';

/**
 * Where a shop's storefront is served, without a trailing slash: its own `siteUrl` once it
 * has one, else the local stack's `/s/{shopId}` under the platform's public origin.
 */
export function siteUrlOf(
  publicBaseUrl: string,
  shop: { id: string; siteUrl?: string | undefined },
): string {
  return (shop.siteUrl ?? `${publicBaseUrl}${LOCAL_SITES_PREFIX}/${shop.id}`).replace(/\/$/, '');
}
