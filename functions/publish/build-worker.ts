/**
 * Child process of `buildSite`: one storefront build, options in `KONTA_BUILD` (JSON).
 * Exits 0 when the site is complete; Astro's own messages go to stderr.
 */
import { runAstroBuild } from './astro-build.ts';

await runAstroBuild(JSON.parse(process.env.KONTA_BUILD ?? '{}'));
