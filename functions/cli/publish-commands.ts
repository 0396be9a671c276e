import { AppError } from '../core/errors.ts';
import type { Deps } from '../deps.ts';
import { localPublishOptions } from '../publish/local-publish.ts';
import { publishShop } from '../publish/publish-shop.ts';

type Flags = Record<string, string | boolean | undefined>;

/** Rows for the operator CLI (`npm run konta -- shop:publish …`). */
export const PUBLISH_COMMANDS = {
  'shop:publish': {
    help: '--shop bakery | --all [--base /] [--site https://…]: build and swap the storefront',
    flags: {
      shop: { type: 'string' },
      all: { type: 'boolean' },
      base: { type: 'string' },
      site: { type: 'string' },
    },
    async run(deps: Deps, f: Flags) {
      const shopIds = f.all
        ? (await deps.store.query({ collection: 'shops', limit: 1000 })).map((s) => s.id)
        : typeof f.shop === 'string'
          ? [f.shop]
          : [];
      if (shopIds.length === 0)
        throw new Error('Name a shop with --shop, or publish all with --all.');

      const failed: string[] = [];
      for (const [i, shopId] of shopIds.entries()) {
        const step = `[${i + 1}/${shopIds.length}] ${shopId}`;
        try {
          const site = typeof f.site === 'string' ? f.site : deps.config.publicBaseUrl;
          const local = localPublishOptions(deps.config.dataDir, shopId, site);
          const base = typeof f.base === 'string' ? f.base : local.base;
          const result = await publishShop(deps, shopId, { ...local, base });
          console.log(`${step}: published ${result.products} products in ${result.ms} ms`);
        } catch (error) {
          failed.push(shopId);
          // The snapshot export reads the shop first, so an unknown id fails before any build.
          const unknown = error instanceof AppError && error.code === 'not_found';
          const reason = `failed: ${(error as Error).message}`;
          console.error(`${step}: ${unknown ? 'there is no such shop (see shop:list)' : reason}`);
        }
      }
      // The others are published; the exit code still tells a script that one failed.
      if (failed.length > 0) throw new Error(`${failed.length} shop(s) not published: ${failed}`);
    },
  },
} as const;
