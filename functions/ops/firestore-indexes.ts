import type { QueryShape } from './query-shapes.ts';

/** The subset of firestore.indexes.json that this check reads. */
export interface IndexFile {
  indexes: {
    collectionGroup: string;
    queryScope: 'COLLECTION' | 'COLLECTION_GROUP';
    fields: { fieldPath: string; order?: 'ASCENDING' | 'DESCENDING'; arrayConfig?: 'CONTAINS' }[];
  }[];
  fieldOverrides?: unknown[];
}

export type IndexField = IndexFile['indexes'][number]['fields'][number];

const EQUALITY = new Set(['==', 'in', 'array-contains']);

export interface NeededIndex {
  /** Equality fields: an index may list them in any order. */
  readonly equalities: IndexField[];
  /** Range and order-by fields, in this sequence. */
  readonly ordered: IndexField[];
}

/**
 * The composite index a query needs, or undefined when Firestore serves it from its automatic
 * single-field indexes: one field only, or equalities alone (index merging). Otherwise the
 * index lists the equality fields first, then the range field, then the order-by fields.
 */
export function requiredIndex(shape: QueryShape): NeededIndex | undefined {
  const ranges = shape.filters.filter((f) => !EQUALITY.has(f.op));
  const ordered: { field: string; direction: 'asc' | 'desc' }[] = [];
  const firstRange = ranges[0];
  if (firstRange && shape.orderBy[0]?.field !== firstRange.field) {
    ordered.push({ field: firstRange.field, direction: 'asc' });
  }
  for (const o of shape.orderBy) if (!ordered.some((x) => x.field === o.field)) ordered.push(o);

  const equalities = new Map<string, IndexField>();
  for (const f of shape.filters) {
    if (!EQUALITY.has(f.op) || ordered.some((o) => o.field === f.field)) continue;
    equalities.set(
      f.field,
      f.op === 'array-contains'
        ? { fieldPath: f.field, arrayConfig: 'CONTAINS' }
        : { fieldPath: f.field, order: 'ASCENDING' },
    );
  }
  if (ordered.length === 0 || equalities.size + ordered.length <= 1) return undefined;

  return {
    equalities: [...equalities.values()],
    ordered: ordered.map((o) => ({
      fieldPath: o.field,
      order: o.direction === 'desc' ? 'DESCENDING' : 'ASCENDING',
    })),
  };
}

const key = (f: IndexField) => `${f.fieldPath}:${f.arrayConfig ?? f.order ?? 'ASCENDING'}`;

function flip(f: IndexField): IndexField {
  return { ...f, order: f.order === 'DESCENDING' ? 'ASCENDING' : 'DESCENDING' };
}

/**
 * Whether an index serves a need: the equality prefix in any order, then the ordered fields in
 * sequence; Firestore also walks an index backwards, so a fully reversed ordering is served.
 */
export function indexServes(index: readonly IndexField[], need: NeededIndex): boolean {
  const eqCount = need.equalities.length;
  if (index.length !== eqCount + need.ordered.length) return false;
  const prefix = new Set(index.slice(0, eqCount).map(key));
  if (!need.equalities.every((f) => prefix.has(key(f)))) return false;
  const tail = index.slice(eqCount);
  const same = need.ordered.every((f, i) => tail[i] && key(tail[i]) === key(f));
  const reversed = need.ordered.every((f, i) => tail[i] && key(tail[i]) === key(flip(f)));
  return same || reversed;
}

export interface MissingIndex {
  readonly shape: QueryShape;
  readonly need: NeededIndex;
}

export function findMissingIndexes(shapes: readonly QueryShape[], file: IndexFile): MissingIndex[] {
  const missing: MissingIndex[] = [];
  for (const shape of shapes) {
    const need = requiredIndex(shape);
    if (!need) continue;
    const served = file.indexes.some(
      (i) =>
        i.collectionGroup === shape.collection &&
        i.queryScope === 'COLLECTION' &&
        indexServes(i.fields, need),
    );
    if (!served) missing.push({ shape, need });
  }
  return missing;
}
