import { createServer } from 'node:net';
import { FirestoreServer } from '@firestore-emulator/server';
import { afterAll } from 'vitest';
import { FirestoreStore } from '../../functions/store/firestore/firestore-store.ts';
import { describeStoreContract } from './store-contract.ts';

/**
 * With FIRESTORE_EMULATOR_HOST set (Google's emulator), the whole suite runs. Otherwise an
 * in-process `@firestore-emulator/server` serves the operations it supports; the gaps are
 * listed in docs/architecture.md and skipped here by capability, not silently.
 */
const google = process.env.FIRESTORE_EMULATOR_HOST;
let server: FirestoreServer | undefined;

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

afterAll(async () => {
  await server?.stop?.();
});

describeStoreContract(
  google ? 'firestore-google-emulator' : 'firestore-lite-emulator',
  async () => {
    if (!google) {
      const port = await freePort();
      server = new FirestoreServer();
      await server.start(port);
      process.env.FIRESTORE_EMULATOR_HOST = `127.0.0.1:${port}`;
    }
    return FirestoreStore.open({ projectId: 'konta-contract' });
  },
  {
    cursors: !!google,
    nestedFieldFilters: !!google,
    isolatedTransactions: !!google,
    preconditions: !!google,
    replacingSet: !!google,
    atomicWrites: !!google,
    listCollections: !!google,
  },
);
