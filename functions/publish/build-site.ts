import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The Astro project every shop's storefront is built from. */
export const STOREFRONT_ROOT = resolve(
  dirname(fileURLToPath(import.meta.url)),
  '../../web/storefront',
);

export interface BuildSiteOptions {
  /** JSON file holding the `CatalogSnapshot` to render. */
  snapshotFile: string;
  outDir: string;
  /** Path prefix the site is served under: `/s/{shopId}/` locally, `/` on its own host. */
  base: string;
  /** Origin the site is served from, for canonical URLs, sitemap and feeds. */
  site: string;
  /** Vite/Astro cache; kept per data dir so repeated builds reuse it. */
  cacheDir?: string;
  /** Astro's own log level; `warn` keeps publishing quiet. */
  logLevel?: 'debug' | 'info' | 'warn' | 'error' | 'silent';
}

/**
 * One static build of the storefront with Astro's programmatic API. Builds in one process
 * must not overlap: the snapshot path travels in an environment variable.
 */
export async function buildSite(options: BuildSiteOptions): Promise<void> {
  process.env.ASTRO_TELEMETRY_DISABLED = '1';
  process.env.KONTA_SNAPSHOT = options.snapshotFile;
  process.env.KONTA_SITE_BASE = options.base;
  process.env.KONTA_SITE_ORIGIN = options.site;
  const { build } = await import('astro');
  await build({
    root: STOREFRONT_ROOT,
    configFile: false,
    outDir: options.outDir,
    base: options.base,
    site: options.site,
    trailingSlash: 'always',
    compressHTML: true,
    build: { format: 'directory', inlineStylesheets: 'always' },
    devToolbar: { enabled: false },
    logLevel: options.logLevel ?? 'warn',
    cacheDir: options.cacheDir ?? join(STOREFRONT_ROOT, 'node_modules/.astro'),
    vite: { logLevel: 'warn', build: { assetsInlineLimit: 0 } },
  });
}
