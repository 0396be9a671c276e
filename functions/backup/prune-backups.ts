import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { type Generation, RETENTION, selectRetained } from './retention.ts';

/** Generation folder name for a backup taken at `at`: `2026-12-01T03-00-00Z`. */
export function generationName(at: Date): string {
  return `${at.toISOString().slice(0, 19).replace(/:/g, '-')}Z`;
}

const GENERATION = /^(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})Z$/;

/**
 * Applies the retention policy to the generation folders in `dir`; folders not named like a
 * generation are left alone. Returns the names deleted.
 */
export async function pruneBackups(
  dir: string,
  policy: { daily: number; weekly: number; monthly: number } = RETENTION.portable,
): Promise<string[]> {
  const generations: Generation[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const m = entry.isDirectory() ? entry.name.match(GENERATION) : null;
    if (m) generations.push({ name: entry.name, takenAt: `${m[1]}T${m[2]}:${m[3]}:${m[4]}Z` });
  }
  const { drop } = selectRetained(generations, policy);
  for (const g of drop) await rm(join(dir, g.name), { recursive: true, force: true });
  return drop.map((g) => g.name);
}
