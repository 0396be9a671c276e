import { z } from 'zod';
import type { Deps } from '../../deps.ts';
import { siteUrlOf } from '../../publish/site-url.ts';

const SiteFields = z.object({ siteUrl: z.url().optional().catch(undefined) });

/**
 * Where a shop's published site serves its media: `{siteUrl}/media/`, or the local stack's
 * `/s/{shopId}/media/` before the shop has a site URL. Exports name images by this absolute
 * URL so another shop (or Shopify) can fetch them; imports into the same shop map it back.
 */
export async function siteMediaBase(
  deps: Pick<Deps, 'store' | 'config'>,
  shopId: string,
): Promise<string> {
  const shop = SiteFields.parse((await deps.store.get(`shops/${shopId}`)).data ?? {});
  return `${siteUrlOf(deps.config.publicBaseUrl, { id: shopId, siteUrl: shop.siteUrl })}/media/`;
}

/** `media/x.webp` → `{base}x.webp`; any other source is already a URL. */
export function absoluteMediaUrl(src: string, base: string): string {
  return src.startsWith('media/') ? `${base}${src.slice('media/'.length)}` : src;
}

/** The reverse, for this shop's own media: `{base}x.webp` → `media/x.webp`. */
export function ownMediaPath(src: string, base: string): string {
  return src.startsWith(base) ? `media/${src.slice(base.length)}` : src;
}
