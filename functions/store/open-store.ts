import type { Config } from '../core/config.ts';
import type { Store } from './port.ts';

/** Opens the configured adapter; only the chosen one is loaded. */
export async function openStore(config: Config['store']): Promise<Store> {
  if (config.kind === 'firestore') {
    const { FirestoreStore } = await import('./firestore/firestore-store.ts');
    return FirestoreStore.open({ projectId: config.projectId, databaseId: config.databaseId });
  }
  const { SqliteStore } = await import('./sqlite/sqlite-store.ts');
  return new SqliteStore({ file: config.file });
}
