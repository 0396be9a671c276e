import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { type BackupDeps, exportShop } from '../backup/export-shop.ts';
import { exportStore, restoreStore } from '../backup/export-store.ts';
import { generationName, pruneBackups } from '../backup/prune-backups.ts';
import { restoreExport } from '../backup/restore-shop.ts';
import type { Deps } from '../deps.ts';
import { openMediaStorage } from '../media/open-media.ts';

type Flags = Record<string, string | boolean | undefined>;
const str = (v: string | boolean | undefined) => (typeof v === 'string' ? v : undefined);

const backupDeps = (deps: Deps): BackupDeps => ({ ...deps, media: openMediaStorage(deps) });
const backupsDir = (deps: Deps) => join(deps.config.dataDir, 'backups');

/** Rows for the operator CLI (`npm run konta -- backup:…`). */
export const BACKUP_COMMANDS = {
  'backup:export': {
    help: '[--shop bakery] [--out dir]: one shop, or the whole store into a new generation',
    flags: { shop: { type: 'string' }, out: { type: 'string' } },
    async run(deps: Deps, f: Flags) {
      const out = str(f.out) ?? join(backupsDir(deps), generationName(deps.clock.now()));
      const shopId = str(f.shop);
      const manifests = shopId
        ? [await exportShop(backupDeps(deps), shopId, out)]
        : await exportStore(backupDeps(deps), out);
      const documents = manifests.reduce((n, m) => n + m.documents, 0);
      console.log(`exported ${manifests.length} part(s), ${documents} documents to ${out}`);
    },
  },
  'backup:restore': {
    help: '--from dir [--as new-shop-id]: into an empty shop, or a store export into an empty store',
    flags: { from: { type: 'string', required: true }, as: { type: 'string' } },
    async run(deps: Deps, f: Flags) {
      const from = str(f.from)!;
      const as = str(f.as);
      const results = existsSync(join(from, 'platform'))
        ? await restoreStore(backupDeps(deps), from)
        : [await restoreExport(backupDeps(deps), from, as ? { asShopId: as } : {})];
      for (const r of results) console.log(`restored ${r.shopId}: ${r.documents} documents`);
    },
  },
  'backup:prune': {
    help: '[--dir dir]: deletes generations beyond 7 daily, 5 weekly, 12 monthly',
    flags: { dir: { type: 'string' } },
    async run(deps: Deps, f: Flags) {
      const dropped = await pruneBackups(str(f.dir) ?? backupsDir(deps));
      console.log(`deleted ${dropped.length} generation(s)`);
    },
  },
} as const;
