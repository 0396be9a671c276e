import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { SqliteStore } from '../../functions/store/sqlite/sqlite-store.ts';
import { runNode } from '../support/processes.ts';

const worker = fileURLToPath(new URL('../support/store-worker.ts', import.meta.url));

describe('store [sqlite] across OS processes', () => {
  it('[sqlite] ends at exactly 1,000 after 4 processes × 250 transactional increments', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'konta-mp-')), 'shared.db');
    new SqliteStore({ file }); // creates the schema before the workers race

    const outputs = await Promise.all(
      Array.from({ length: 4 }, () =>
        runNode([worker, file, 'increment', '250', 'shops/s/counters/c']),
      ),
    );

    const successes = outputs.map((o) => JSON.parse(o).successes as number);
    expect(successes).toEqual([250, 250, 250, 250]);
    const store = new SqliteStore({ file });
    expect((await store.get('shops/s/counters/c')).data).toEqual({ value: 1000 });
    await store.close();
  });

  it('[sqlite] lets 4 processes decrement a counter at 10 exactly 10 times, never below 0', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'konta-mp-')), 'shared.db');
    const store = new SqliteStore({ file });
    await store.set('shops/s/stock/SKU', { value: 10 });

    const outputs = await Promise.all(
      Array.from({ length: 4 }, () =>
        runNode([worker, file, 'decrement', '25', 'shops/s/stock/SKU']),
      ),
    );

    const total = outputs.reduce((sum, o) => sum + (JSON.parse(o).successes as number), 0);
    expect(total).toBe(10);
    expect((await store.get('shops/s/stock/SKU')).data).toEqual({ value: 0 });
    await store.close();
  });
});
