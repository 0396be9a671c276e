import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  findMissingIndexes,
  type IndexFile,
  indexServes,
  requiredIndex,
} from '../../functions/ops/firestore-indexes.ts';
import { extractQueryShapes, type QueryShape } from '../../functions/ops/query-shapes.ts';

const root = resolve(import.meta.dirname, '../..');
const indexes = JSON.parse(readFileSync(resolve(root, 'firestore.indexes.json'), 'utf8'));

const shape = (filters: [string, string][], orderBy: [string, 'asc' | 'desc'][] = []) =>
  ({
    collection: 'orders',
    filters: filters.map(([field, op]) => ({ field, op })),
    orderBy: orderBy.map(([field, direction]) => ({ field, direction })),
    at: 'test',
  }) satisfies QueryShape;

describe('firestore indexes', () => {
  it('finds the store queries in the code and can read every one of them', () => {
    const { shapes, unreadable } = extractQueryShapes(root, ['functions', 'shared']);
    expect(unreadable).toEqual([]);
    expect(shapes.some((s) => s.collection === 'outbox')).toBe(true);
  });

  it('has a composite index for every query in the code that needs one', () => {
    const { shapes } = extractQueryShapes(root, ['functions', 'shared']);
    const missing = findMissingIndexes(shapes, indexes as IndexFile).map((m) => ({
      at: m.shape.at,
      add: {
        collectionGroup: m.shape.collection,
        queryScope: 'COLLECTION',
        fields: [...m.need.equalities, ...m.need.ordered],
      },
    }));
    expect(missing, 'add these to firestore.indexes.json').toEqual([]);
  });

  it('reads loops over collections, pushed filters and conditional arrays', () => {
    const dir = mkdtempSync(join(tmpdir(), 'konta-shapes-'));
    mkdirSync(join(dir, 'src'));
    writeFileSync(
      join(dir, 'src', 'q.ts'),
      [
        "const A = 'alpha';",
        'export async function f(store: any, s?: string) {',
        "  for (const collection of [A, 'beta']) {",
        "    await store.query({ collection, where: [{ field: 'x', op: '<=', value: 1 }] });",
        '  }',
        "  const where: any[] = [{ field: 'shop', op: '==', value: 1 }];",
        "  if (s) where.push({ field: 'status', op: '==', value: s });",
        "  await store.query({ collection: 'gamma', where, orderBy: [{ field: 'at', direction: 'desc' }] });",
        // biome-ignore lint/suspicious/noTemplateCurlyInString: the source text of a file under test.
        "  await store.query({ collection: `x/${s}/delta`, where: s ? [{ field: 'a', op: '==', value: s }] : [] });",
        '}',
      ].join('\n'),
    );
    const { shapes, unreadable } = extractQueryShapes(dir, ['src']);
    expect(unreadable).toEqual([]);
    expect(shapes.map((s) => s.collection)).toEqual([
      'alpha',
      'beta',
      'gamma',
      'gamma',
      'delta',
      'delta',
    ]);
    const gamma = shapes.filter((s) => s.collection === 'gamma');
    expect(gamma.map((s) => s.filters.map((f) => f.field))).toEqual([['shop'], ['shop', 'status']]);
    expect(findMissingIndexes(gamma, { indexes: [] })).toHaveLength(2);
  });

  it('needs no composite index for one field or for equalities alone', () => {
    expect(requiredIndex(shape([['status', '==']]))).toBeUndefined();
    expect(requiredIndex(shape([], [['createdAt', 'desc']]))).toBeUndefined();
    expect(
      requiredIndex(
        shape([
          ['a', '=='],
          ['b', '=='],
        ]),
      ),
    ).toBeUndefined();
    expect(requiredIndex(shape([['total', '>=']], [['total', 'asc']]))).toBeUndefined();
  });

  it('needs equality fields first, then range and order fields in sequence', () => {
    const need = requiredIndex(
      shape(
        [
          ['status', '=='],
          ['tags', 'array-contains'],
          ['total', '>'],
        ],
        [['createdAt', 'desc']],
      ),
    );
    expect(need).toEqual({
      equalities: [
        { fieldPath: 'status', order: 'ASCENDING' },
        { fieldPath: 'tags', arrayConfig: 'CONTAINS' },
      ],
      ordered: [
        { fieldPath: 'total', order: 'ASCENDING' },
        { fieldPath: 'createdAt', order: 'DESCENDING' },
      ],
    });
  });

  it('accepts an index walked backwards but not one in another order', () => {
    const need = requiredIndex(shape([['status', '==']], [['createdAt', 'desc']]))!;
    const asc = [
      { fieldPath: 'status', order: 'ASCENDING' as const },
      { fieldPath: 'createdAt', order: 'ASCENDING' as const },
    ];
    expect(indexServes(asc, need)).toBe(true);
    expect(indexServes([asc[1]!, asc[0]!], need)).toBe(false);
    const missing = findMissingIndexes([shape([['status', '==']], [['createdAt', 'desc']])], {
      indexes: [],
    });
    expect(missing).toHaveLength(1);
  });

  it('denies every client read and write in the security rules', () => {
    const rules = readFileSync(resolve(root, 'firestore.rules'), 'utf8');
    const allows = [...rules.matchAll(/allow\s+([^:]+):\s*if\s+([^;]+);/g)];
    expect(allows.map((m) => [m[1]!.trim(), m[2]!.trim()])).toEqual([['read, write', 'false']]);
    expect(rules).toMatch(/match \/\{document=\*\*\}/);
  });
});
