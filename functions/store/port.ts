/**
 * The document-store port: the subset of Firestore that Kontá uses, implemented by the SQLite
 * adapter (local, tests) and the Firestore adapter (cloud). Domain code sees only this file.
 *
 * Documents are plain JSON objects addressed by slash paths with an even number of segments
 * (`shops/bakery/products/p1`). Values must be JSON: strings, finite numbers, booleans, null,
 * arrays and objects. Dates travel as ISO-8601 strings.
 */

export type DocData = { [field: string]: unknown };

export interface DocSnapshot<T extends DocData = DocData> {
  readonly path: string;
  readonly id: string;
  readonly exists: boolean;
  readonly data: T | undefined;
  /** Opaque version token; pass it back as `ifUpdateTime` for optimistic concurrency. */
  readonly updateTime: string | undefined;
}

export type WhereOp = '==' | '!=' | '<' | '<=' | '>' | '>=' | 'in' | 'array-contains';

export interface Filter {
  readonly field: string;
  readonly op: WhereOp;
  readonly value: unknown;
}

export interface Order {
  readonly field: string;
  readonly direction?: 'asc' | 'desc';
}

export interface Query {
  /** Collection path, e.g. `shops/bakery/orders`. */
  readonly collection: string;
  readonly where?: readonly Filter[];
  readonly orderBy?: readonly Order[];
  readonly limit?: number;
  /**
   * Cursor: continue after this document, in the query's order. Pass the last snapshot of the
   * previous page. Offsets are deliberately absent (Firestore bills skipped documents).
   */
  readonly startAfter?: DocSnapshot;
}

export interface UpdateOptions {
  /** Fail with `precondition_failed` unless the document still has this version. */
  readonly ifUpdateTime?: string;
}

/** Dotted keys (`address.city`) in `update` and merge-`set` address nested fields. */
export type DocPatch = { [fieldPath: string]: unknown };

/** Reads in a transaction must come before its writes, as in Firestore. */
export interface Transaction {
  get<T extends DocData = DocData>(path: string): Promise<DocSnapshot<T>>;
  getAll<T extends DocData = DocData>(paths: readonly string[]): Promise<DocSnapshot<T>[]>;
  query<T extends DocData = DocData>(query: Query): Promise<DocSnapshot<T>[]>;
  create(path: string, data: DocData): void;
  set(path: string, data: DocData, options?: { merge?: boolean }): void;
  update(path: string, patch: DocPatch, options?: UpdateOptions): void;
  delete(path: string): void;
}

export interface WriteBatch {
  create(path: string, data: DocData): WriteBatch;
  set(path: string, data: DocData, options?: { merge?: boolean }): WriteBatch;
  update(path: string, patch: DocPatch, options?: UpdateOptions): WriteBatch;
  delete(path: string): WriteBatch;
  /** Applies every write or none. At most 500 writes, as in Firestore. */
  commit(): Promise<void>;
}

export interface TransactionOptions {
  /** Attempts before giving up with `contention`; default 5. */
  readonly maxAttempts?: number;
}

export interface Store {
  readonly kind: 'sqlite' | 'firestore';
  get<T extends DocData = DocData>(path: string): Promise<DocSnapshot<T>>;
  getAll<T extends DocData = DocData>(paths: readonly string[]): Promise<DocSnapshot<T>[]>;
  query<T extends DocData = DocData>(query: Query): Promise<DocSnapshot<T>[]>;
  /** Fails with `already_exists` when the document exists. */
  create(path: string, data: DocData): Promise<void>;
  set(path: string, data: DocData, options?: { merge?: boolean }): Promise<void>;
  /** Fails with `not_found` when missing, `precondition_failed` when the version changed. */
  update(path: string, patch: DocPatch, options?: UpdateOptions): Promise<void>;
  delete(path: string): Promise<void>;
  /**
   * Runs `fn` serializably. On contention it is retried, so it must not have side effects
   * other than through `tx`; an error thrown from it rolls everything back and propagates.
   */
  runTransaction<T>(fn: (tx: Transaction) => Promise<T>, options?: TransactionOptions): Promise<T>;
  batch(): WriteBatch;
  /**
   * Ids of the collections directly under a document (any depth of data below counts), or of
   * the root collections when `docPath` is omitted; sorted. For backups and admin tooling:
   * Firestore bills one read per call.
   */
  listCollections(docPath?: string): Promise<string[]>;
  readonly meter: StoreMeter;
  close(): Promise<void>;
}

export interface OperationCounts {
  reads: number;
  writes: number;
  deletes: number;
}

/** Billable operations per shop, counted the way Firestore bills them. */
export interface StoreMeter {
  /** Counts per shop id; documents outside `shops/{id}` count under `_platform`. */
  snapshot(): Record<string, OperationCounts>;
  reset(): void;
}

export const MAX_BATCH_WRITES = 500;
