import type { Deps } from '../deps.ts';
import { createCloudMediaStorage } from './cloud-media.ts';
import { createLocalMediaStorage } from './local-media.ts';
import type { MediaStorage } from './storage.ts';

/** Local disk with SQLite; with Firestore, the project's `{projectId}-konta-media` bucket. */
export function openMediaStorage(deps: Pick<Deps, 'config'>): MediaStorage {
  const store = deps.config.store;
  if (store.kind === 'firestore') {
    return createCloudMediaStorage({ bucket: `${store.projectId}-konta-media` });
  }
  return createLocalMediaStorage(deps.config.dataDir);
}
