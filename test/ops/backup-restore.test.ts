import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportShop } from '../../functions/backup/export-shop.ts';
import { exportStore, restoreStore } from '../../functions/backup/export-store.ts';
import { restoreExport } from '../../functions/backup/restore-shop.ts';
import type { WalkOptions } from '../../functions/backup/walk-documents.ts';
import { wipeShop } from '../../functions/backup/wipe-shop.ts';
import { fixedClock } from '../../functions/core/clock.ts';
import { isAppError } from '../../functions/core/errors.ts';
import { createMemoryLogger } from '../../functions/core/logger.ts';
import { BAKERY } from '../../functions/local/seed/bakery.ts';
import { seedDemoShops } from '../../functions/local/seed/seed-demo-shops.ts';
import { createLocalMediaStorage } from '../../functions/media/local-media.ts';
import type { Store } from '../../functions/store/port.ts';
import { SqliteStore } from '../../functions/store/sqlite/sqlite-store.ts';
import { openFirestoreForTest, probeCollections } from './support/firestore-lite.ts';

const SHOP = BAKERY.shop.id;

/** Every file of a directory tree with its bytes, for exact comparison. */
function snapshotDir(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    out[path.slice(dir.length + 1)] = readFileSync(path).toString('base64');
  }
  return out;
}

async function backupDeps(store: Store, dataDir: string) {
  const { log, lines } = createMemoryLogger();
  const clock = fixedClock('2026-12-01T03:00:00.000Z');
  const media = createLocalMediaStorage(dataDir);
  const config = { dataDir } as Parameters<typeof seedDemoShops>[0]['config'];
  await seedDemoShops({ store, clock, log, config }, [BAKERY]);
  // Beyond the demo catalog: an order with its own subcollection, and a member.
  await store.set(`shops/${SHOP}/orders/o-1001`, { number: 1001, totalCents: 1250, lines: [] });
  await store.set(`shops/${SHOP}/orders/o-1001/events/e1`, {
    type: 'paid',
    at: clock.now().toISOString(),
  });
  await store.set(`shops/${SHOP}/members/u1`, { role: 'owner' });
  await store.set('users/u1', { locale: 'es' });
  return { store, media, clock, log, lines };
}

function drill(
  name: string,
  open: () => Promise<{ store: Store; walk: WalkOptions; stop(): Promise<void> }>,
) {
  describe(`restore drill [${name}]`, () => {
    let ctx: Awaited<ReturnType<typeof open>>;
    let deps: Awaited<ReturnType<typeof backupDeps>>;
    let work: string;

    beforeAll(async () => {
      ctx = await open();
      work = await mkdtemp(join(tmpdir(), 'konta-backup-'));
      deps = await backupDeps(ctx.store, join(work, 'data'));
    });
    afterAll(async () => {
      await ctx.stop();
    });

    it('exports, wipes, restores, and a second export is byte-identical', async () => {
      const first = await exportShop(deps, SHOP, join(work, 'first'), ctx.walk);
      expect(first.documents).toBeGreaterThan(20);
      expect(first.collections).toMatchObject({ 'orders/*/events': 1, members: 1 });
      expect(first.collections.products).toBe(BAKERY.products.length);
      expect(Object.keys(first.files).filter((f) => f.startsWith('media/')).length).toBeGreaterThan(
        3,
      );
      expect(first.missingImages).toEqual([]);
      const sum = Object.values(first.collections).reduce((a, b) => a + b, 0);
      expect(sum + 1).toBe(first.documents);

      const wiped = await wipeShop(deps, SHOP, ctx.walk);
      expect(wiped).toBe(first.documents);
      expect((await ctx.store.get(`shops/${SHOP}`)).exists).toBe(false);
      expect(await ctx.store.query({ collection: `shops/${SHOP}/products` })).toEqual([]);
      rmSync(join(work, 'data', 'media', SHOP), { recursive: true, force: true });

      const restored = await restoreExport(deps, join(work, 'first'), ctx.walk);
      expect(restored).toEqual({
        shopId: SHOP,
        documents: first.documents,
        images: Object.keys(first.files).length - 1,
      });

      const second = await exportShop(deps, SHOP, join(work, 'second'), ctx.walk);
      expect(second).toEqual(first);
      expect(snapshotDir(join(work, 'second'))).toEqual(snapshotDir(join(work, 'first')));
      expect((await ctx.store.get('users/u1')).exists).toBe(true);
    });

    it('refuses to restore into a shop that is not empty, and restores under a new id', async () => {
      const error = await restoreExport(deps, join(work, 'first'), ctx.walk).catch(
        (e: unknown) => e,
      );
      expect(isAppError(error, 'already_exists')).toBe(true);

      const copy = await restoreExport(deps, join(work, 'first'), {
        ...ctx.walk,
        asShopId: 'bakery-copy',
      });
      expect(copy.shopId).toBe('bakery-copy');
      const again = await exportShop(deps, 'bakery-copy', join(work, 'copy'), ctx.walk);
      expect(readFileSync(join(work, 'copy', 'documents.ndjson'), 'utf8')).toBe(
        readFileSync(join(work, 'first', 'documents.ndjson'), 'utf8'),
      );
      expect(again.documents).toBe(copy.documents);
    });

    it('refuses a damaged export before writing anything', async () => {
      const dir = join(work, 'first');
      const ndjson = join(dir, 'documents.ndjson');
      const original = readFileSync(ndjson, 'utf8');
      writeFileSync(ndjson, original.replace('"number":1001', '"number":1002'));
      const error = await restoreExport(deps, dir, { asShopId: 'bakery-damaged' }).catch(
        (e: unknown) => e,
      );
      writeFileSync(ndjson, original);
      expect(isAppError(error, 'bad_request')).toBe(true);
      expect((error as Error).message).toMatch(/documents\.ndjson does not match its checksum/);
      expect((await ctx.store.get('shops/bakery-damaged')).exists).toBe(false);
    });
  });
}

drill('sqlite', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'konta-drill-'));
  const store = new SqliteStore({ file: join(dir, 'konta.db') });
  return { store, walk: {}, stop: () => store.close() };
});

// The lite emulator has no ListCollectionIds; its stand-in probes Kontá's collection names.
// With FIRESTORE_EMULATOR_HOST (Google's emulator) the adapter's own listCollections runs.
drill('firestore-emulator', async () => {
  const fs = await openFirestoreForTest(`konta-drill-${Date.now()}`);
  const names = {
    shops: ['collections', 'ledger', 'members', 'orders', 'products', 'stock'],
    orders: ['events'],
  };
  const walk = fs.google ? {} : { listCollections: probeCollections(fs.store, names) };
  return { store: fs.store, walk, stop: fs.stop };
});

describe('whole-store restore drill [sqlite]', () => {
  it('restores a store export into an empty store and exports it identically', async () => {
    const work = await mkdtemp(join(tmpdir(), 'konta-store-'));
    const source = new SqliteStore({ file: join(work, 'a.db') });
    const deps = await backupDeps(source, join(work, 'data'));
    await exportStore(deps, join(work, 'first'));

    const target = new SqliteStore({ file: join(work, 'b.db') });
    const into = { ...deps, store: target };
    const results = await restoreStore(into, join(work, 'first'));
    expect(results.map((r) => r.shopId)).toEqual(['_platform', SHOP]);
    await exportStore(into, join(work, 'second'));
    expect(snapshotDir(join(work, 'second'))).toEqual(snapshotDir(join(work, 'first')));
    const platform = readFileSync(join(work, 'first', 'platform', 'documents.ndjson'), 'utf8');
    expect(platform).toContain('"path":"users/u1"');
    await source.close();
    await target.close();
  });
});
