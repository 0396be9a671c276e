import type {
  DocumentSnapshot,
  Firestore,
  Query as FsQuery,
  Transaction as FsTransaction,
  WriteBatch as FsWriteBatch,
  Precondition,
} from '@google-cloud/firestore';
import { AppError } from '../../core/errors.ts';
import { CountingMeter } from '../meter.ts';
import { assertJsonValue, checkFieldPath, readField } from '../patch.ts';
import { PLATFORM, splitPath } from '../paths.ts';
import {
  type DocData,
  type DocPatch,
  type DocSnapshot,
  MAX_BATCH_WRITES,
  type Query,
  type Store,
  type Transaction,
  type TransactionOptions,
  type UpdateOptions,
  type WriteBatch,
} from '../port.ts';

/** gRPC status codes the SDK surfaces as `error.code`. */
const GRPC = { NOT_FOUND: 5, ALREADY_EXISTS: 6, FAILED_PRECONDITION: 9, ABORTED: 10 } as const;

function translate(error: unknown, path?: string): unknown {
  const code = (error as { code?: number }).code;
  const where = path ? ` at ${path}` : '';
  if (code === GRPC.NOT_FOUND) return new AppError('not_found', { message: `No document${where}` });
  if (code === GRPC.ALREADY_EXISTS) {
    return new AppError('already_exists', { message: `Document already exists${where}` });
  }
  if (code === GRPC.FAILED_PRECONDITION && path) {
    return new AppError('precondition_failed', { message: `Document changed${where}` });
  }
  if (code === GRPC.ABORTED) return new AppError('contention', { cause: error });
  return error;
}

function precondition(options: UpdateOptions): Precondition {
  if (options.ifUpdateTime === undefined) return {};
  // The token is the Timestamp's ISO string with nanoseconds, see `toSnapshot`.
  return { lastUpdateTime: timestampFromToken(options.ifUpdateTime) };
}

type Timestamp = import('@google-cloud/firestore').Timestamp;
let TimestampClass: typeof import('@google-cloud/firestore').Timestamp;
let FieldPathClass: typeof import('@google-cloud/firestore').FieldPath;

function tokenOf(time: Timestamp | undefined): string | undefined {
  return time ? `${time.seconds}.${String(time.nanoseconds).padStart(9, '0')}` : undefined;
}

function timestampFromToken(token: string): Timestamp {
  const [seconds, nanos] = token.split('.');
  return new TimestampClass(Number(seconds), Number(nanos));
}

function toSnapshot<T extends DocData>(snap: DocumentSnapshot): DocSnapshot<T> {
  return {
    path: snap.ref.path,
    id: snap.id,
    exists: snap.exists,
    data: snap.exists ? (snap.data() as T) : undefined,
    updateTime: tokenOf(snap.updateTime),
  };
}

function checkPatch(patch: DocPatch): DocPatch {
  for (const field of Object.keys(patch)) checkFieldPath(field);
  assertJsonValue(patch);
  return patch;
}

/** The store port on Cloud Firestore. `@google-cloud/firestore` is loaded only when used. */
export class FirestoreStore implements Store {
  readonly kind = 'firestore' as const;
  readonly meter = new CountingMeter();
  readonly #db: Firestore;

  private constructor(db: Firestore) {
    this.#db = db;
  }

  static async open(options: { projectId: string; databaseId?: string }): Promise<FirestoreStore> {
    const sdk = await import('@google-cloud/firestore');
    TimestampClass = sdk.Timestamp;
    FieldPathClass = sdk.FieldPath;
    const db = new sdk.Firestore({
      projectId: options.projectId,
      databaseId: options.databaseId ?? '(default)',
      ignoreUndefinedProperties: false,
    });
    return new FirestoreStore(db);
  }

  #doc(path: string) {
    splitPath(path, 'document');
    return this.#db.doc(path);
  }

  #query(query: Query): FsQuery {
    splitPath(query.collection, 'collection');
    let q: FsQuery = this.#db.collection(query.collection);
    for (const f of query.where ?? []) q = q.where(checkFieldPath(f.field), f.op, f.value);
    for (const o of query.orderBy ?? [])
      q = q.orderBy(checkFieldPath(o.field), o.direction ?? 'asc');
    if (query.startAfter) {
      // Firestore breaks ties on the document name; ordering by it explicitly lets the cursor
      // carry the document reference after the ordered values.
      const cursor = query.startAfter;
      const orders = query.orderBy ?? [];
      const values = orders.map((o) => readField(cursor.data, o.field));
      q = q.orderBy(FieldPathClass.documentId(), orders.at(-1)?.direction ?? 'asc');
      q = q.startAfter(...values, this.#db.doc(cursor.path));
    }
    if (query.limit !== undefined) q = q.limit(query.limit);
    return q;
  }

  async get<T extends DocData = DocData>(path: string): Promise<DocSnapshot<T>> {
    const snap = await this.#doc(path).get();
    this.meter.read(path);
    return toSnapshot<T>(snap);
  }

  async getAll<T extends DocData = DocData>(paths: readonly string[]): Promise<DocSnapshot<T>[]> {
    if (paths.length === 0) return [];
    const snaps = await this.#db.getAll(...paths.map((p) => this.#doc(p)));
    for (const p of paths) this.meter.read(p);
    return snaps.map((s) => toSnapshot<T>(s));
  }

  async query<T extends DocData = DocData>(query: Query): Promise<DocSnapshot<T>[]> {
    const result = await this.#query(query).get();
    this.meter.read(query.collection, result.size);
    return result.docs.map((s) => toSnapshot<T>(s));
  }

  async create(path: string, data: DocData): Promise<void> {
    await this.batch().create(path, data).commit();
  }

  async set(path: string, data: DocData, options: { merge?: boolean } = {}): Promise<void> {
    await this.batch().set(path, data, options).commit();
  }

  async update(path: string, patch: DocPatch, options: UpdateOptions = {}): Promise<void> {
    await this.batch().update(path, patch, options).commit();
  }

  async delete(path: string): Promise<void> {
    await this.batch().delete(path).commit();
  }

  batch(): WriteBatch {
    const inner: FsWriteBatch = this.#db.batch();
    const metered: Array<() => void> = [];
    let count = 0;
    let lastPath: string | undefined;
    const add = (path: string, kind: 'write' | 'delete', apply: () => void) => {
      if (++count > MAX_BATCH_WRITES) {
        throw new AppError('bad_request', {
          message: `A batch holds at most ${MAX_BATCH_WRITES} writes`,
        });
      }
      lastPath = path;
      apply();
      metered.push(() => (kind === 'delete' ? this.meter.delete(path) : this.meter.write(path)));
    };
    const batch: WriteBatch = {
      create: (path, data) => {
        assertJsonValue(data, path);
        add(path, 'write', () => inner.create(this.#doc(path), data));
        return batch;
      },
      set: (path, data, o) => {
        assertJsonValue(data, path);
        add(path, 'write', () => inner.set(this.#doc(path), data, { merge: !!o?.merge }));
        return batch;
      },
      update: (path, patch, o = {}) => {
        add(path, 'write', () => inner.update(this.#doc(path), checkPatch(patch), precondition(o)));
        return batch;
      },
      delete: (path) => {
        add(path, 'delete', () => inner.delete(this.#doc(path)));
        return batch;
      },
      commit: async () => {
        try {
          await inner.commit();
        } catch (error) {
          throw translate(error, count === 1 ? lastPath : undefined);
        }
        for (const m of metered) m();
      },
    };
    return batch;
  }

  async listCollections(docPath?: string): Promise<string[]> {
    const refs =
      docPath === undefined
        ? await this.#db.listCollections()
        : await this.#doc(docPath).listCollections();
    this.meter.read(docPath ?? PLATFORM);
    return refs.map((r) => r.id).sort();
  }

  async runTransaction<T>(
    fn: (tx: Transaction) => Promise<T>,
    options: TransactionOptions = {},
  ): Promise<T> {
    try {
      return await this.#db.runTransaction((inner) => fn(new FirestoreTransaction(this, inner)), {
        maxAttempts: options.maxAttempts ?? 5,
      });
    } catch (error) {
      throw translate(error);
    }
  }

  /** Used by the transaction wrapper, which shares the SDK handle and the meter. */
  get sdk() {
    return { db: this.#db, doc: (p: string) => this.#doc(p), query: (q: Query) => this.#query(q) };
  }

  async close(): Promise<void> {
    await this.#db.terminate();
  }
}

class FirestoreTransaction implements Transaction {
  readonly #store: FirestoreStore;
  readonly #tx: FsTransaction;

  constructor(store: FirestoreStore, tx: FsTransaction) {
    this.#store = store;
    this.#tx = tx;
  }

  async get<T extends DocData = DocData>(path: string): Promise<DocSnapshot<T>> {
    const snap = await this.#tx.get(this.#store.sdk.doc(path));
    this.#store.meter.read(path);
    return toSnapshot<T>(snap);
  }

  async getAll<T extends DocData = DocData>(paths: readonly string[]): Promise<DocSnapshot<T>[]> {
    if (paths.length === 0) return [];
    const snaps = await this.#tx.getAll(...paths.map((p) => this.#store.sdk.doc(p)));
    for (const p of paths) this.#store.meter.read(p);
    return snaps.map((s) => toSnapshot<T>(s));
  }

  async query<T extends DocData = DocData>(query: Query): Promise<DocSnapshot<T>[]> {
    const result = await this.#tx.get(this.#store.sdk.query(query));
    this.#store.meter.read(query.collection, result.size);
    return result.docs.map((s) => toSnapshot<T>(s));
  }

  create(path: string, data: DocData): void {
    assertJsonValue(data, path);
    this.#tx.create(this.#store.sdk.doc(path), data);
    this.#store.meter.write(path);
  }

  set(path: string, data: DocData, options: { merge?: boolean } = {}): void {
    assertJsonValue(data, path);
    this.#tx.set(this.#store.sdk.doc(path), data, { merge: !!options.merge });
    this.#store.meter.write(path);
  }

  update(path: string, patch: DocPatch, options: UpdateOptions = {}): void {
    this.#tx.update(this.#store.sdk.doc(path), checkPatch(patch), precondition(options));
    this.#store.meter.write(path);
  }

  delete(path: string): void {
    this.#tx.delete(this.#store.sdk.doc(path));
    this.#store.meter.delete(path);
  }
}
