import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteStore } from '../../functions/store/sqlite/sqlite-store.ts';
import { describeStoreContract } from './store-contract.ts';

describeStoreContract(
  'sqlite',
  async () => new SqliteStore({ file: join(mkdtempSync(join(tmpdir(), 'konta-')), 'store.db') }),
  {
    cursors: true,
    nestedFieldFilters: true,
    isolatedTransactions: true,
    preconditions: true,
    replacingSet: true,
    atomicWrites: true,
    listCollections: true,
  },
);
