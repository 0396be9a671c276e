import { cp, mkdir, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { AppError } from '../core/errors.ts';
import type { Deps } from '../deps.ts';
import { buildSite } from './build-site.ts';
import { exportSnapshot } from './export-snapshot.ts';
import { buildStamp, pruneBuilds, shopSiteDir, swapCurrent } from './site-folders.ts';

export interface PublishOptions {
  /** Root of the published sites (`{dataDir}/sites` locally). */
  sitesDir: string;
  /** Folder of the shop's media files, copied into the site as `media/`. */
  mediaDir?: string;
  /** `/s/{shopId}/` locally, `/` on the shop's own host. */
  base: string;
  /** Origin the site is served from (canonical URLs, sitemap, feeds). */
  site: string;
  /** Builds kept on disk besides the live one, for a quick roll back. */
  keepBuilds?: number;
}

export interface PublishResult {
  shopId: string;
  stamp: string;
  products: number;
  ms: number;
}

/** One build at a time per process: a build takes most of a core and a few hundred MB. */
let queue: Promise<unknown> = Promise.resolve();

/**
 * Publishes a shop: exports a catalog snapshot, builds the storefront into a new folder, copies
 * the media, checks the result and only then swaps `current` to it. A failed build leaves the
 * live site untouched. Each step is logged with the shop id and build stamp.
 */
export function publishShop(
  deps: Pick<Deps, 'store' | 'clock' | 'log'>,
  shopId: string,
  options: PublishOptions,
): Promise<PublishResult> {
  const run = queue.then(() => publishNow(deps, shopId, options));
  queue = run.catch(() => undefined);
  return run;
}

async function publishNow(
  deps: Pick<Deps, 'store' | 'clock' | 'log'>,
  shopId: string,
  options: PublishOptions,
): Promise<PublishResult> {
  const started = performance.now();
  const stamp = buildStamp(deps.clock.now());
  const log = deps.log.child({ shopId, stamp });
  const buildsDir = join(shopSiteDir(options.sitesDir, shopId), 'builds');
  const outDir = join(buildsDir, stamp);
  const snapshotFile = join(buildsDir, `${stamp}.json`);
  log.info({ step: 'export' }, 'publish started');

  const snapshot = await exportSnapshot(deps, shopId);
  await mkdir(buildsDir, { recursive: true });
  await writeFile(snapshotFile, JSON.stringify(snapshot));
  log.info({ step: 'build', products: snapshot.products.length }, 'snapshot exported');

  await buildSite({ snapshotFile, outDir, base: options.base, site: options.site });
  const media = options.mediaDir ? await stat(options.mediaDir).catch(() => undefined) : undefined;
  if (options.mediaDir && media?.isDirectory()) {
    await cp(options.mediaDir, join(outDir, 'media'), { recursive: true, force: true });
  }
  await assertComplete(outDir);
  log.info({ step: 'swap', ms: Math.round(performance.now() - started) }, 'site built');

  await swapCurrent(options.sitesDir, shopId, stamp);
  const pruned = await pruneBuilds(options.sitesDir, shopId, (options.keepBuilds ?? 2) + 1);
  const ms = Math.round(performance.now() - started);
  log.info({ step: 'done', ms, pruned }, 'site published');
  return { shopId, stamp, products: snapshot.products.length, ms };
}

async function assertComplete(outDir: string): Promise<void> {
  for (const file of ['index.html', '404.html', 'sitemap.xml', 'robots.txt']) {
    const info = await stat(join(outDir, file)).catch(() => undefined);
    if (!info?.isFile()) {
      throw new AppError('internal', { message: `The build in ${outDir} has no ${file}.` });
    }
  }
}
