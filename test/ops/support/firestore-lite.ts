import { createServer } from 'node:net';
import { FirestoreServer } from '@firestore-emulator/server';
import { FirestoreStore } from '../../../functions/store/firestore/firestore-store.ts';
import type { Store } from '../../../functions/store/port.ts';

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

/**
 * The Firestore adapter against Google's emulator when FIRESTORE_EMULATOR_HOST is set, else
 * against an in-process `@firestore-emulator/server` (see test/contract/store.firestore.test.ts
 * for what that one lacks).
 */
export async function openFirestoreForTest(
  projectId: string,
): Promise<{ store: FirestoreStore; google: boolean; stop(): Promise<void> }> {
  const google = !!process.env.FIRESTORE_EMULATOR_HOST;
  let server: FirestoreServer | undefined;
  if (!google) {
    const port = await freePort();
    server = new FirestoreServer();
    await server.start(port);
    process.env.FIRESTORE_EMULATOR_HOST = `127.0.0.1:${port}`;
  }
  const store = await FirestoreStore.open({ projectId });
  return {
    store,
    google,
    async stop() {
      await store.close();
      server?.stop();
    },
  };
}

/**
 * A stand-in for `listCollections` where the emulator lacks ListCollectionIds: probes the
 * candidate collection ids for documents of the parent's collection (`shops` for a shop
 * document) with a one-document query each.
 */
export function probeCollections(store: Store, candidates: Record<string, readonly string[]>) {
  return async (docPath?: string): Promise<string[]> => {
    const parent = docPath?.split('/').at(-2) ?? '';
    const found: string[] = [];
    for (const id of candidates[parent] ?? []) {
      const collection = docPath ? `${docPath}/${id}` : id;
      if ((await store.query({ collection, limit: 1 })).length) found.push(id);
    }
    return found;
  };
}
