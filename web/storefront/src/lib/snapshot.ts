import { readFileSync } from 'node:fs';
import type { CatalogSnapshot } from '../../../../shared/catalog/snapshot.ts';

/**
 * The catalog snapshot this build renders. The publisher writes it to a JSON file and passes
 * the path in `KONTA_SNAPSHOT`; one build process renders exactly one shop.
 */
let cached: CatalogSnapshot | undefined;

export function loadSnapshot(): CatalogSnapshot {
  if (cached) return cached;
  const path = process.env.KONTA_SNAPSHOT;
  if (!path) throw new Error('KONTA_SNAPSHOT is not set: pass the snapshot file to the build.');
  // `exportSnapshot` wrote this file from the output of `CatalogSnapshot.parse`, in the same
  // publish; parsing 1,000 products again would add ~45 ms to every build. The version is
  // still checked, so a file from another exporter fails here and not halfway through a page.
  const snapshot = JSON.parse(readFileSync(path, 'utf8')) as CatalogSnapshot;
  if (snapshot?.version !== 1 || !Array.isArray(snapshot.products)) {
    throw new Error(`${path} is not a version 1 catalog snapshot: publish the shop again.`);
  }
  cached = snapshot;
  return cached;
}
