import { MAX_BATCH_WRITES } from '../store/port.ts';
import type { BackupDeps } from './export-shop.ts';
import { type WalkOptions, walkDocuments } from './walk-documents.ts';

/**
 * Deletes every document of a shop (the shop document and all below it) in batches of 500.
 * For closing a shop, and for restore drills. Media files are left alone.
 */
export async function wipeShop(
  deps: Pick<BackupDeps, 'store' | 'log'>,
  shopId: string,
  options: WalkOptions = {},
): Promise<number> {
  const paths: string[] = [];
  for await (const snap of walkDocuments(deps.store, `shops/${shopId}`, options)) {
    paths.push(snap.path);
  }
  for (let i = 0; i < paths.length; i += MAX_BATCH_WRITES) {
    const batch = deps.store.batch();
    for (const path of paths.slice(i, i + MAX_BATCH_WRITES)) batch.delete(path);
    await batch.commit();
  }
  deps.log.info({ shopId, documents: paths.length }, 'shop wiped');
  return paths.length;
}
