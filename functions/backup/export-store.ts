import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { DocSnapshot } from '../store/port.ts';
import { type BackupDeps, exportScope } from './export-shop.ts';
import type { Manifest } from './manifest.ts';
import { type RestoreResult, restoreExport } from './restore-shop.ts';

/** Shop ids in the store, paged by cursor. */
async function shopIds(deps: BackupDeps): Promise<string[]> {
  const ids: string[] = [];
  let last: DocSnapshot | undefined;
  for (;;) {
    const page = await deps.store.query({
      collection: 'shops',
      limit: 500,
      ...(last ? { startAfter: last } : {}),
    });
    ids.push(...page.map((s) => s.id));
    if (page.length < 500) return ids;
    last = page.at(-1);
  }
}

/** A whole-store export: `platform/` plus `shops/<shopId>/`, each a portable export. */
export async function exportStore(deps: BackupDeps, outDir: string): Promise<Manifest[]> {
  const manifests = [await exportScope(deps, { platform: true }, join(outDir, 'platform'))];
  for (const shopId of await shopIds(deps)) {
    manifests.push(await exportScope(deps, { shopId }, join(outDir, 'shops', shopId)));
  }
  return manifests;
}

/** Restores a whole-store export into an empty store. */
export async function restoreStore(deps: BackupDeps, dir: string): Promise<RestoreResult[]> {
  const results = [await restoreExport(deps, join(dir, 'platform'))];
  for (const shopId of (await readdir(join(dir, 'shops'))).sort()) {
    results.push(await restoreExport(deps, join(dir, 'shops', shopId)));
  }
  return results;
}
