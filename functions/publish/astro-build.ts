import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { build as astroBuild } from 'astro';

/** The Astro project every shop's storefront is built from. */
export const STOREFRONT_ROOT = resolve(
  fileURLToPath(new URL('../../web/storefront', import.meta.url)),
);

/**
 * Pages rendered at once. Astro's default (1) waits for each page's file write before rendering
 * the next; with 16 in flight the main thread rarely waits for the disk (at 1,000 products,
 * 2.2 s against 2.6 s with 4, medians of 6 alternating builds).
 */
export const BUILD_CONCURRENCY = 16;

/**
 * V8 flags for the process that runs a build. A build allocates a short-lived string tree
 * per page; semi-spaces of up to 32 MB let the young generation collect it less often:
 * about 9 % less main-thread CPU at 1,000 products (`bench -- build` figures in
 * docs/limitations.md).
 */
export const BUILD_NODE_FLAGS = ['--max-semi-space-size=32'];

/**
 * `sync: false` is an option of Astro's builder that its public `build()` passes through but
 * does not declare. It skips the content sync: type generation and the content layer, which
 * the storefront does not use (it has no content collections). That sync costs ~150 ms of
 * every publish and rewrites `.astro/*.d.ts` in the shared storefront folder, which concurrent
 * builds of two shops would race on. The output is byte-identical without it;
 * `test/storefront/publish.test.ts` checks that a build leaves the source folder untouched.
 */
const SKIP_CONTENT_SYNC = { sync: false } as Parameters<typeof astroBuild>[1];

export interface AstroBuildOptions {
  /** JSON file holding the `CatalogSnapshot` to render. */
  snapshotFile: string;
  outDir: string;
  /** Path prefix the site is served under: `/s/{shopId}/` locally, `/` on its own host. */
  base: string;
  /** Origin the site is served from, for canonical URLs, sitemap and feeds. */
  site: string;
  cacheDir?: string;
  logLevel?: 'debug' | 'info' | 'warn' | 'error' | 'silent';
}

/**
 * Runs Astro's programmatic `build()` for one shop in this process. The storefront reads the
 * snapshot path, base and origin from the environment once per process, so call this once per
 * process (`buildSite` spawns one) from a scratch working directory (see `SCRATCH_ROOT`).
 */
export async function runAstroBuild(options: AstroBuildOptions): Promise<void> {
  process.env.ASTRO_TELEMETRY_DISABLED = '1';
  process.env.KONTA_SNAPSHOT = options.snapshotFile;
  process.env.KONTA_SITE_BASE = options.base;
  process.env.KONTA_SITE_ORIGIN = options.site;
  const { build } = await import('astro');
  await build(
    {
      root: STOREFRONT_ROOT,
      configFile: false,
      outDir: options.outDir,
      base: options.base,
      site: options.site,
      // One `.html` file per page (`products/pan.html`, served at `/products/pan`): a folder per
      // page would cost a directory creation each, the largest part of writing a page here.
      trailingSlash: 'never',
      compressHTML: true,
      build: { format: 'file', inlineStylesheets: 'always', concurrency: BUILD_CONCURRENCY },
      devToolbar: { enabled: false },
      logLevel: options.logLevel ?? 'warn',
      cacheDir: options.cacheDir ?? join(process.cwd(), '.astro-cache'),
      vite: { logLevel: 'warn', build: { assetsInlineLimit: 0 } },
    },
    SKIP_CONTENT_SYNC,
  );
}
