import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DatabaseSync, type StatementSync } from 'node:sqlite';
import { AppError } from '../../core/errors.ts';
import { CountingMeter } from '../meter.ts';
import { applyPatch, assertJsonValue, mergeDeep } from '../patch.ts';
import { idOf, PLATFORM, parentOf, splitPath } from '../paths.ts';
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
import { Mutex } from './mutex.ts';
import { buildQuerySql } from './sql-query.ts';

export type Write =
  | { kind: 'create' | 'set'; path: string; data: DocData; merge?: boolean }
  | { kind: 'update'; path: string; patch: DocPatch; ifUpdateTime?: string }
  | { kind: 'delete'; path: string };

interface Row {
  path: string;
  data: string;
  update_time: string;
}

const SQLITE_BUSY = 5;

export interface SqliteStoreOptions {
  /** File path, or ':memory:'. */
  file: string;
  /** How long a write waits for another process's lock before retrying, in ms. */
  busyTimeoutMs?: number;
}

/**
 * The store port on node:sqlite. One table of JSON documents. Transactions take SQLite's write
 * lock up front (BEGIN IMMEDIATE), so they are serializable across every connection and OS
 * process sharing the file; inside one process a mutex keeps other async work off the
 * connection while a transaction's callback awaits.
 */
export class SqliteStore implements Store {
  readonly kind = 'sqlite' as const;
  readonly meter = new CountingMeter();
  readonly #db: DatabaseSync;
  readonly #mutex = new Mutex();
  readonly #statements = new Map<string, StatementSync>();

  constructor(options: SqliteStoreOptions) {
    if (options.file !== ':memory:') mkdirSync(dirname(options.file), { recursive: true });
    this.#db = new DatabaseSync(options.file, { timeout: options.busyTimeoutMs ?? 5000 });
    this.#db.exec(`
      PRAGMA journal_mode = WAL;
      PRAGMA synchronous = NORMAL;
      CREATE TABLE IF NOT EXISTS docs (
        path TEXT PRIMARY KEY,
        parent TEXT NOT NULL,
        data TEXT NOT NULL,
        create_time TEXT NOT NULL,
        update_time TEXT NOT NULL
      ) WITHOUT ROWID;
      CREATE INDEX IF NOT EXISTS docs_parent ON docs (parent, path);
    `);
  }

  #prepare(sql: string): StatementSync {
    let statement = this.#statements.get(sql);
    if (!statement) {
      statement = this.#db.prepare(sql);
      this.#statements.set(sql, statement);
    }
    return statement;
  }

  #snapshot<T extends DocData>(path: string, row: Row | undefined): DocSnapshot<T> {
    return {
      path,
      id: idOf(path),
      exists: row !== undefined,
      data: row ? (JSON.parse(row.data) as T) : undefined,
      updateTime: row?.update_time,
    };
  }

  readDoc<T extends DocData>(path: string): DocSnapshot<T> {
    splitPath(path, 'document');
    const row = this.#prepare('SELECT path, data, update_time FROM docs WHERE path = ?').get(
      path,
    ) as Row | undefined;
    this.meter.read(path);
    return this.#snapshot<T>(path, row);
  }

  readQuery<T extends DocData>(query: Query): DocSnapshot<T>[] {
    const { sql, params } = buildQuerySql(query);
    const rows = this.#prepare(sql).all(...params) as unknown as Row[];
    this.meter.read(query.collection, rows.length);
    return rows.map((row) => this.#snapshot<T>(row.path, row));
  }

  /** Applies writes in order inside an open SQLite transaction; throws on a failed precondition. */
  #applyWrites(writes: readonly Write[]): void {
    const now = new Date().toISOString();
    for (const write of writes) {
      splitPath(write.path, 'document');
      const current = this.#prepare('SELECT path, data, update_time FROM docs WHERE path = ?').get(
        write.path,
      ) as Row | undefined;

      if (write.kind === 'delete') {
        if (current) this.#prepare('DELETE FROM docs WHERE path = ?').run(write.path);
        continue;
      }

      let data: DocData;
      if (write.kind === 'update') {
        if (!current) {
          throw new AppError('not_found', { message: `No document to update at ${write.path}` });
        }
        if (write.ifUpdateTime !== undefined && write.ifUpdateTime !== current.update_time) {
          throw new AppError('precondition_failed', {
            message: `Document ${write.path} changed since it was read`,
          });
        }
        data = applyPatch(JSON.parse(current.data) as DocData, write.patch);
      } else if (write.kind === 'create') {
        if (current) {
          throw new AppError('already_exists', {
            message: `Document ${write.path} already exists`,
          });
        }
        data = write.data;
      } else {
        data =
          write.merge && current ? mergeDeep(JSON.parse(current.data), write.data) : write.data;
      }
      assertJsonValue(data, write.path);

      const version = `${now}#${randomBytes(6).toString('hex')}`;
      this.#prepare(
        `INSERT INTO docs (path, parent, data, create_time, update_time) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (path) DO UPDATE SET data = excluded.data, update_time = excluded.update_time`,
      ).run(write.path, parentOf(write.path), JSON.stringify(data), now, version);
    }
  }

  #meterWrites(writes: readonly Write[]): void {
    for (const write of writes) {
      if (write.kind === 'delete') this.meter.delete(write.path);
      else this.meter.write(write.path);
    }
  }

  /** Runs `body` inside BEGIN IMMEDIATE … COMMIT, holding the in-process mutex. */
  async #locked<T>(body: () => Promise<T> | T): Promise<T> {
    return this.#mutex.run(async () => {
      this.#db.exec('BEGIN IMMEDIATE');
      try {
        const result = await body();
        this.#db.exec('COMMIT');
        return result;
      } catch (error) {
        if (this.#db.isTransaction) this.#db.exec('ROLLBACK');
        throw error;
      }
    });
  }

  async commitWrites(writes: readonly Write[]): Promise<void> {
    if (writes.length > MAX_BATCH_WRITES) {
      throw new AppError('bad_request', {
        message: `A batch holds at most ${MAX_BATCH_WRITES} writes`,
      });
    }
    await this.#withBusyRetry(() => this.#locked(() => this.#applyWrites(writes)), 5);
    this.#meterWrites(writes);
  }

  async #withBusyRetry<T>(attempt: () => Promise<T>, maxAttempts: number): Promise<T> {
    for (let n = 1; ; n++) {
      try {
        return await attempt();
      } catch (error) {
        const busy = (error as { errcode?: number }).errcode === SQLITE_BUSY;
        if (!busy) throw error;
        if (n >= maxAttempts) {
          throw new AppError('contention', { cause: error, hint: 'Retry in a few seconds.' });
        }
        await new Promise((resolve) => setTimeout(resolve, 10 * 2 ** n * Math.random()));
      }
    }
  }

  async get<T extends DocData = DocData>(path: string): Promise<DocSnapshot<T>> {
    return this.#mutex.run(() => this.readDoc<T>(path));
  }

  async getAll<T extends DocData = DocData>(paths: readonly string[]): Promise<DocSnapshot<T>[]> {
    return this.#mutex.run(() => paths.map((p) => this.readDoc<T>(p)));
  }

  async query<T extends DocData = DocData>(query: Query): Promise<DocSnapshot<T>[]> {
    return this.#mutex.run(() => this.readQuery<T>(query));
  }

  create(path: string, data: DocData): Promise<void> {
    return this.commitWrites([{ kind: 'create', path, data }]);
  }

  set(path: string, data: DocData, options: { merge?: boolean } = {}): Promise<void> {
    return this.commitWrites([{ kind: 'set', path, data, merge: options.merge ?? false }]);
  }

  update(path: string, patch: DocPatch, options: UpdateOptions = {}): Promise<void> {
    return this.commitWrites([{ kind: 'update', path, patch, ...options }]);
  }

  delete(path: string): Promise<void> {
    return this.commitWrites([{ kind: 'delete', path }]);
  }

  async listCollections(docPath?: string): Promise<string[]> {
    const prefix = docPath === undefined ? '' : `${splitPath(docPath, 'document').join('/')}/`;
    const rows = await this.#mutex.run(
      () =>
        this.#prepare(
          // Parents under the prefix: `>= prefix` and `< prefix + U+FFFF` is a range on the index.
          'SELECT DISTINCT parent FROM docs WHERE parent >= ? AND parent < ?',
        ).all(prefix, `${prefix}\uffff`) as unknown as { parent: string }[],
    );
    this.meter.read(docPath ?? PLATFORM);
    const ids = new Set(rows.map((r) => r.parent.slice(prefix.length).split('/')[0]!));
    return [...ids].sort();
  }

  batch(): WriteBatch {
    const writes: Write[] = [];
    const add = (write: Write): WriteBatch => {
      writes.push(write);
      return batch;
    };
    const batch: WriteBatch = {
      create: (path, data) => add({ kind: 'create', path, data }),
      set: (path, data, o) => add({ kind: 'set', path, data, merge: !!o?.merge }),
      update: (path, patch, o) => add({ kind: 'update', path, patch, ...o }),
      delete: (path) => add({ kind: 'delete', path }),
      commit: () => this.commitWrites(writes),
    };
    return batch;
  }

  async runTransaction<T>(
    fn: (tx: Transaction) => Promise<T>,
    options: TransactionOptions = {},
  ): Promise<T> {
    let writes: Write[] = [];
    const result = await this.#withBusyRetry(
      () =>
        this.#locked(async () => {
          writes = [];
          const value = await fn(new SqliteTransaction(this, writes));
          this.#applyWrites(writes);
          return value;
        }),
      options.maxAttempts ?? 5,
    );
    this.#meterWrites(writes);
    return result;
  }

  async close(): Promise<void> {
    await this.#mutex.run(() => this.#db.close());
  }
}

class SqliteTransaction implements Transaction {
  readonly #store: SqliteStore;
  readonly #writes: Write[];

  constructor(store: SqliteStore, writes: Write[]) {
    this.#store = store;
    this.#writes = writes;
  }

  #beforeWrites(): void {
    if (this.#writes.length > 0) {
      throw new AppError('internal', { message: 'Transactions must do all reads before writes' });
    }
  }

  async get<T extends DocData = DocData>(path: string): Promise<DocSnapshot<T>> {
    this.#beforeWrites();
    return this.#store.readDoc<T>(path);
  }

  async getAll<T extends DocData = DocData>(paths: readonly string[]): Promise<DocSnapshot<T>[]> {
    this.#beforeWrites();
    return paths.map((p) => this.#store.readDoc<T>(p));
  }

  async query<T extends DocData = DocData>(query: Query): Promise<DocSnapshot<T>[]> {
    this.#beforeWrites();
    return this.#store.readQuery<T>(query);
  }

  create(path: string, data: DocData): void {
    this.#writes.push({ kind: 'create', path, data });
  }

  set(path: string, data: DocData, options: { merge?: boolean } = {}): void {
    this.#writes.push({ kind: 'set', path, data, merge: options.merge ?? false });
  }

  update(path: string, patch: DocPatch, options: UpdateOptions = {}): void {
    this.#writes.push({ kind: 'update', path, patch, ...options });
  }

  delete(path: string): void {
    this.#writes.push({ kind: 'delete', path });
  }
}
