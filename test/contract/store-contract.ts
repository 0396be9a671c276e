import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isAppError } from '../../functions/core/errors.ts';
import type { Store } from '../../functions/store/port.ts';

/** What an adapter's test peer can do; the in-process Firestore emulator lacks some of it. */
export interface ContractCapabilities {
  cursors: boolean;
  nestedFieldFilters: boolean;
  /** Transactions isolated against concurrent writers (Google's emulator and SQLite). */
  isolatedTransactions: boolean;
  preconditions: boolean;
  /** `set` without merge replaces the whole document. */
  replacingSet: boolean;
  /** `update` of a missing document fails; batches and transactions apply all or nothing. */
  atomicWrites: boolean;
  /** `listCollections` (Firestore's ListCollectionIds). */
  listCollections: boolean;
}

async function expectCode(promise: Promise<unknown>, code: string): Promise<void> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(isAppError(error) ? error.code : error).toBe(code);
}

/** One suite, run against every adapter; test names carry the adapter's name. */
export function describeStoreContract(
  adapter: string,
  open: () => Promise<Store>,
  can: ContractCapabilities,
): void {
  describe(`store contract [${adapter}]`, () => {
    let store: Store;
    let root: string;

    beforeAll(async () => {
      store = await open();
    });
    afterAll(async () => {
      await store.close();
    });

    const fresh = () => {
      root = `shops/t-${randomUUID().slice(0, 8)}`;
      return root;
    };

    it(`[${adapter}] creates, reads and reports missing documents`, async () => {
      const shop = fresh();
      await store.create(`${shop}/products/p1`, { title: 'Pan', price: 350, tags: ['bread'] });
      const snap = await store.get(`${shop}/products/p1`);
      expect(snap.exists).toBe(true);
      expect(snap.id).toBe('p1');
      expect(snap.data).toEqual({ title: 'Pan', price: 350, tags: ['bread'] });
      expect(snap.updateTime).toBeTypeOf('string');

      const missing = await store.get(`${shop}/products/nope`);
      expect(missing.exists).toBe(false);
      expect(missing.data).toBeUndefined();
    });

    it(`[${adapter}] refuses to create a document that exists`, async () => {
      const shop = fresh();
      await store.create(`${shop}/products/p1`, { title: 'A' });
      await expectCode(store.create(`${shop}/products/p1`, { title: 'B' }), 'already_exists');
      expect((await store.get(`${shop}/products/p1`)).data).toEqual({ title: 'A' });
    });

    it.runIf(can.replacingSet)(
      `[${adapter}] sets, merges nested maps and updates dotted fields`,
      async () => {
        const shop = fresh();
        const path = `${shop}/settings/profile`;
        await store.set(path, { name: 'Horno', address: { city: 'Sevilla', zip: '41001' } });
        await store.set(path, { address: { zip: '41002' }, phone: '600' }, { merge: true });
        expect((await store.get(path)).data).toEqual({
          name: 'Horno',
          address: { city: 'Sevilla', zip: '41002' },
          phone: '600',
        });
        await store.update(path, { 'address.city': 'Cádiz', name: 'Horno Sur' });
        expect((await store.get(path)).data).toEqual({
          name: 'Horno Sur',
          address: { city: 'Cádiz', zip: '41002' },
          phone: '600',
        });
        await store.set(path, { name: 'Only' });
        expect((await store.get(path)).data).toEqual({ name: 'Only' });
      },
    );

    it.runIf(can.atomicWrites)(`[${adapter}] fails to update a missing document`, async () => {
      const shop = fresh();
      await expectCode(store.update(`${shop}/products/ghost`, { title: 'x' }), 'not_found');
      expect((await store.get(`${shop}/products/ghost`)).exists).toBe(false);
    });

    it.runIf(can.preconditions)(
      `[${adapter}] rejects an update whose version changed`,
      async () => {
        const shop = fresh();
        const path = `${shop}/products/p1`;
        await store.create(path, { v: 1 });
        const first = await store.get(path);
        await store.update(path, { v: 2 }, { ifUpdateTime: first.updateTime! });
        await expectCode(
          store.update(path, { v: 3 }, { ifUpdateTime: first.updateTime! }),
          'precondition_failed',
        );
        expect((await store.get(path)).data).toEqual({ v: 2 });
      },
    );

    it(`[${adapter}] deletes, and deleting a missing document is not an error`, async () => {
      const shop = fresh();
      await store.set(`${shop}/products/p1`, { a: 1 });
      await store.delete(`${shop}/products/p1`);
      await store.delete(`${shop}/products/p1`);
      expect((await store.get(`${shop}/products/p1`)).exists).toBe(false);
    });

    it(`[${adapter}] gets many documents in the order asked`, async () => {
      const shop = fresh();
      await store.set(`${shop}/stock/A`, { available: 1 });
      await store.set(`${shop}/stock/C`, { available: 3 });
      const snaps = await store.getAll([`${shop}/stock/C`, `${shop}/stock/B`, `${shop}/stock/A`]);
      expect(snaps.map((s) => [s.id, s.exists])).toEqual([
        ['C', true],
        ['B', false],
        ['A', true],
      ]);
    });

    async function seedProducts(shop: string): Promise<void> {
      const batch = store.batch();
      const rows = [
        { id: 'a', status: 'active', price: 300, tags: ['bread', 'gf'], meta: { rank: 3 } },
        { id: 'b', status: 'draft', price: 150, tags: ['cake'], meta: { rank: 1 } },
        { id: 'c', status: 'active', price: 150, tags: ['gf'], meta: { rank: 2 } },
        { id: 'd', status: 'active', price: 900, tags: [], meta: { rank: 5 } },
        { id: 'e', status: 'archived', price: 50, tags: ['bread'], meta: { rank: 4 } },
      ];
      for (const { id, ...data } of rows) batch.set(`${shop}/products/${id}`, data);
      batch.set(`${shop}/products/a/images/i1`, { status: 'active', price: 1 });
      await batch.commit();
    }

    const ids = (snaps: { id: string }[]) => snaps.map((s) => s.id);

    it(`[${adapter}] filters by equality, range, in and array-contains`, async () => {
      const shop = fresh();
      await seedProducts(shop);
      const col = `${shop}/products`;
      const q = (where: { field: string; op: never; value: unknown }[]) =>
        store.query({ collection: col, where, orderBy: [{ field: 'price' }] });
      type W = { field: string; op: never; value: unknown };
      const w = (field: string, op: string, value: unknown) => ({ field, op, value }) as W;

      expect(ids(await q([w('status', '==', 'active')]))).toEqual(['c', 'a', 'd']);
      expect(ids(await q([w('price', '>=', 150), w('price', '<', 900)]))).toEqual(['b', 'c', 'a']);
      expect(ids(await q([w('status', 'in', ['draft', 'archived'])]))).toEqual(['e', 'b']);
      expect(ids(await q([w('tags', 'array-contains', 'gf')]))).toEqual(['c', 'a']);
      expect(ids(await q([w('price', '==', '150')]))).toEqual([]);
    });

    it.runIf(can.nestedFieldFilters)(
      `[${adapter}] filters and orders on nested fields`,
      async () => {
        const shop = fresh();
        await seedProducts(shop);
        const snaps = await store.query({
          collection: `${shop}/products`,
          where: [{ field: 'meta.rank', op: '>', value: 2 }],
          orderBy: [{ field: 'meta.rank', direction: 'desc' }],
        });
        expect(ids(snaps)).toEqual(['d', 'e', 'a']);
      },
    );

    it(`[${adapter}] orders with ties broken by id, and limits`, async () => {
      const shop = fresh();
      await seedProducts(shop);
      const asc = await store.query({
        collection: `${shop}/products`,
        orderBy: [{ field: 'price' }],
      });
      expect(ids(asc)).toEqual(['e', 'b', 'c', 'a', 'd']);
      const top = await store.query({
        collection: `${shop}/products`,
        orderBy: [{ field: 'price', direction: 'desc' }],
        limit: 2,
      });
      expect(ids(top)).toEqual(['d', 'a']);
    });

    it.runIf(can.cursors)(`[${adapter}] pages through a query with cursors`, async () => {
      const shop = fresh();
      await seedProducts(shop);
      const pages: string[][] = [];
      let last: Awaited<ReturnType<Store['query']>>[number] | undefined;
      for (;;) {
        const page = await store.query({
          collection: `${shop}/products`,
          orderBy: [{ field: 'price' }],
          limit: 2,
          ...(last ? { startAfter: last } : {}),
        });
        if (page.length === 0) break;
        pages.push(ids(page));
        last = page.at(-1);
      }
      expect(pages).toEqual([['e', 'b'], ['c', 'a'], ['d']]);
    });

    it(`[${adapter}] does not return subcollection documents in a query`, async () => {
      const shop = fresh();
      await seedProducts(shop);
      const all = await store.query({ collection: `${shop}/products` });
      expect(ids(all).sort()).toEqual(['a', 'b', 'c', 'd', 'e']);
    });

    it(`[${adapter}] commits a transaction's reads and writes together`, async () => {
      const shop = fresh();
      await store.set(`${shop}/stock/S1`, { available: 5 });
      const left = await store.runTransaction(async (tx) => {
        const snap = await tx.get<{ available: number }>(`${shop}/stock/S1`);
        const available = snap.data!.available - 2;
        tx.update(`${shop}/stock/S1`, { available });
        tx.create(`${shop}/ledger/L1`, { sku: 'S1', delta: -2 });
        return available;
      });
      expect(left).toBe(3);
      expect((await store.get(`${shop}/stock/S1`)).data).toEqual({ available: 3 });
      expect((await store.get(`${shop}/ledger/L1`)).exists).toBe(true);
    });

    it(`[${adapter}] rolls a transaction back when its callback throws`, async () => {
      const shop = fresh();
      await store.set(`${shop}/stock/S1`, { available: 5 });
      await expect(
        store.runTransaction(async (tx) => {
          await tx.get(`${shop}/stock/S1`);
          tx.update(`${shop}/stock/S1`, { available: 0 });
          throw new Error('changed my mind');
        }),
      ).rejects.toThrow('changed my mind');
      expect((await store.get(`${shop}/stock/S1`)).data).toEqual({ available: 5 });
    });

    it.runIf(can.atomicWrites)(
      `[${adapter}] rolls a transaction back when a create collides`,
      async () => {
        const shop = fresh();
        await store.set(`${shop}/orders/o1`, { n: 1 });
        await expectCode(
          store.runTransaction(async (tx) => {
            tx.set(`${shop}/stock/S1`, { available: 1 });
            tx.create(`${shop}/orders/o1`, { n: 2 });
          }),
          'already_exists',
        );
        expect((await store.get(`${shop}/stock/S1`)).exists).toBe(false);
      },
    );

    it.runIf(can.isolatedTransactions)(
      `[${adapter}] serializes 50 concurrent guarded decrements of a counter at 10`,
      async () => {
        const shop = fresh();
        await store.set(`${shop}/stock/S1`, { available: 10 });
        const attempts = Array.from({ length: 50 }, () =>
          store
            .runTransaction(
              async (tx) => {
                const snap = await tx.get<{ available: number }>(`${shop}/stock/S1`);
                const available = snap.data!.available;
                if (available <= 0) return false;
                tx.update(`${shop}/stock/S1`, { available: available - 1 });
                return true;
              },
              { maxAttempts: 50 },
            )
            .catch(() => false),
        );
        const results = await Promise.all(attempts);
        expect(results.filter(Boolean)).toHaveLength(10);
        expect((await store.get(`${shop}/stock/S1`)).data).toEqual({ available: 0 });
      },
    );

    it.runIf(can.atomicWrites)(`[${adapter}] applies a batch all or nothing`, async () => {
      const shop = fresh();
      await store.set(`${shop}/orders/o1`, { n: 1 });
      const failing = store
        .batch()
        .set(`${shop}/orders/o2`, { n: 2 })
        .create(`${shop}/orders/o1`, { n: 3 });
      await expectCode(failing.commit(), 'already_exists');
      expect((await store.get(`${shop}/orders/o2`)).exists).toBe(false);
    });

    it.runIf(can.listCollections)(
      `[${adapter}] lists the collections under a document and at the root`,
      async () => {
        const shop = fresh();
        await store.set(shop, { name: 'Horno' });
        await store.set(`${shop}/stock/S1`, { available: 1 });
        await store.set(`${shop}/products/a`, { title: 'A' });
        await store.set(`${shop}/products/a/images/i1`, { src: 'media/a.jpg' });
        await store.set(`${shop}/products/a/images/i1/notes/n1`, { text: 'deep' });
        expect(await store.listCollections(shop)).toEqual(['products', 'stock']);
        expect(await store.listCollections(`${shop}/products/a`)).toEqual(['images']);
        expect(await store.listCollections(`${shop}/products/b`)).toEqual([]);
        expect(await store.listCollections()).toContain('shops');
      },
    );

    it(`[${adapter}] counts reads, writes and deletes per shop`, async () => {
      const shop = fresh();
      const shopId = shop.split('/')[1]!;
      await store.set(`${shop}/products/a`, { x: 1 });
      await store.set(`${shop}/products/b`, { x: 2 });
      await store.get(`${shop}/products/a`);
      await store.query({ collection: `${shop}/products` });
      await store.query({ collection: `${shop}/nothing` });
      await store.delete(`${shop}/products/b`);
      expect(store.meter.snapshot()[shopId]).toEqual({ reads: 4, writes: 2, deletes: 1 });
    });

    it(`[${adapter}] rejects invalid paths and non-JSON values`, async () => {
      const shop = fresh();
      await expectCode(store.set(`${shop}/products`, { a: 1 }), 'bad_request');
      await expectCode(store.get(`${shop}/../x`), 'bad_request');
      await expectCode(store.set(`${shop}/products/a`, { when: new Date() }), 'bad_request');
      await expectCode(store.set(`${shop}/products/a`, { n: Number.NaN }), 'bad_request');
    });
  });
}
