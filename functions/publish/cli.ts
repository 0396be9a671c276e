/**
 * Publishes one shop or all: `node functions/publish/cli.ts <shopId>|--all [--base /]
 * [--site https://…]`. Progress as structured log lines on stdout, a summary per shop on
 * stderr; exits 1 if any shop failed (the others are still published).
 */
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../core/config.ts';
import { createDeps } from '../deps.ts';
import { mediaDirOf } from '../local/seed/seed-demo-shops.ts';
import { LOCAL_SITES_PREFIX } from './local-sites.ts';
import { publishShop } from './publish-shop.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { all: { type: 'boolean' }, base: { type: 'string' }, site: { type: 'string' } },
});

const config = loadConfig();
const deps = await createDeps(config);
const shopIds = values.all
  ? (await deps.store.query({ collection: 'shops', limit: 1000 })).map((s) => s.id)
  : positionals;
if (shopIds.length === 0) {
  console.error('Usage: node functions/publish/cli.ts <shopId>… | --all [--base /] [--site URL]');
  process.exit(2);
}

let failed = 0;
for (const shopId of shopIds) {
  const base = values.base ?? `${LOCAL_SITES_PREFIX}/${shopId}/`;
  try {
    const result = await publishShop(deps, shopId, {
      sitesDir: join(config.dataDir, 'sites'),
      mediaDir: mediaDirOf(config.dataDir, shopId),
      base,
      site: values.site ?? config.publicBaseUrl,
    });
    console.error(`published ${shopId}: ${result.products} products in ${result.ms} ms`);
  } catch (error) {
    failed++;
    console.error(`failed ${shopId}: ${(error as Error).message}`);
  }
}
await deps.mailer.close();
await deps.store.close();
process.exit(failed ? 1 : 0);
