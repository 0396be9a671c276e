import { join } from 'node:path';
import { mediaDirOf } from '../media/local-media.ts';
import type { PublishOptions } from './publish-shop.ts';
import { LOCAL_SITES_PREFIX } from './site-url.ts';

/** Where the local stack keeps every shop's published builds. */
export function localSitesDir(dataDir: string): string {
  return join(dataDir, 'sites');
}

/**
 * Publishing on the local stack (npm start, the admin's publish button, the CLI): into
 * `{dataDir}/sites` with the shop's local media, served at `/s/{shopId}/` from `site`.
 */
export function localPublishOptions(dataDir: string, shopId: string, site: string): PublishOptions {
  return {
    sitesDir: localSitesDir(dataDir),
    mediaDir: mediaDirOf(dataDir, shopId),
    base: `${LOCAL_SITES_PREFIX}/${shopId}/`,
    site,
  };
}
