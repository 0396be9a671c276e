import { readFileSync } from 'node:fs';
import { CatalogSnapshot } from '../../../../shared/catalog/snapshot.ts';

/**
 * The catalog snapshot this build renders. The publisher writes it to a JSON file and passes
 * the path in `KONTA_SNAPSHOT`; one build process renders exactly one shop.
 */
let cached: CatalogSnapshot | undefined;

export function loadSnapshot(): CatalogSnapshot {
  if (cached) return cached;
  const path = process.env.KONTA_SNAPSHOT;
  if (!path) throw new Error('KONTA_SNAPSHOT is not set: pass the snapshot file to the build.');
  cached = CatalogSnapshot.parse(JSON.parse(readFileSync(path, 'utf8')));
  return cached;
}
