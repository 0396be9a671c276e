import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { findMissingIndexes, type IndexFile } from '../ops/firestore-indexes.ts';
import { extractQueryShapes } from '../ops/query-shapes.ts';

/**
 * `node functions/cli/firestore-indexes.ts [--write]`: lists the composite indexes the store
 * queries in the code need and firestore.indexes.json lacks; `--write` adds them.
 */
const root = resolve(import.meta.dirname, '../..');
const file = resolve(root, 'firestore.indexes.json');
const indexes = JSON.parse(readFileSync(file, 'utf8')) as IndexFile;
const { shapes, unreadable } = extractQueryShapes(root, ['functions', 'shared']);

for (const u of unreadable) console.error(`cannot read the query at ${u.at}: ${u.reason}`);
const seen = new Set<string>();
const added: IndexFile['indexes'] = [];
for (const { shape, need } of findMissingIndexes(shapes, indexes)) {
  const index = {
    collectionGroup: shape.collection,
    queryScope: 'COLLECTION' as const,
    fields: [...need.equalities, ...need.ordered],
  };
  const key = JSON.stringify(index);
  if (seen.has(key)) continue;
  seen.add(key);
  added.push(index);
  console.log(`${shape.at}: needs ${key}`);
}

if (process.argv.includes('--write') && added.length) {
  indexes.indexes.push(...added);
  writeFileSync(file, `${JSON.stringify(indexes, null, 2)}\n`);
  console.log(`added ${added.length} indexes to firestore.indexes.json`);
}
console.log(`${shapes.length} queries read, ${added.length} indexes missing`);
process.exit(unreadable.length ? 1 : 0);
