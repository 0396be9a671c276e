/**
 * How long backups are kept. Managed Firestore exports live in the backup bucket and are
 * deleted by a bucket lifecycle rule; portable per-shop exports are pruned by `pruneBackups`,
 * keeping the newest of each recent day, ISO week and month.
 */
export const RETENTION = {
  managedExportDays: 35,
  portable: { daily: 7, weekly: 5, monthly: 12 },
} as const;

export interface Generation {
  readonly name: string;
  /** ISO timestamp the backup was taken. */
  readonly takenAt: string;
}

/** Monday-based ISO week key, e.g. `2026-W49`. */
function isoWeek(date: Date): string {
  const d = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
  const day = d.getUTCDay() || 7;
  d.setUTCDate(d.getUTCDate() + 4 - day);
  const yearStart = Date.UTC(d.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((d.getTime() - yearStart) / 86_400_000 + 1) / 7);
  return `${d.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}

/**
 * Splits generations into those to keep and those to delete. The newest generation of each
 * of the last `daily` days, `weekly` weeks and `monthly` months is kept; the newest overall is
 * always kept, so a shop never ends with no backup.
 */
export function selectRetained(
  generations: readonly Generation[],
  policy: { daily: number; weekly: number; monthly: number } = RETENTION.portable,
): { keep: Generation[]; drop: Generation[] } {
  const sorted = [...generations].sort((a, b) => b.takenAt.localeCompare(a.takenAt));
  const keep = new Set<Generation>(sorted.slice(0, 1));
  const buckets: [number, (d: Date) => string][] = [
    [policy.daily, (d) => d.toISOString().slice(0, 10)],
    [policy.weekly, isoWeek],
    [policy.monthly, (d) => d.toISOString().slice(0, 7)],
  ];
  for (const [count, keyOf] of buckets) {
    const seen = new Set<string>();
    for (const g of sorted) {
      const key = keyOf(new Date(g.takenAt));
      if (seen.has(key)) continue;
      if (seen.size >= count) break;
      seen.add(key);
      keep.add(g);
    }
  }
  return { keep: sorted.filter((g) => keep.has(g)), drop: sorted.filter((g) => !keep.has(g)) };
}

/** The Cloud Storage lifecycle configuration for the managed-export bucket. */
export function bucketLifecycle(days = RETENTION.managedExportDays): object {
  return { rule: [{ action: { type: 'Delete' }, condition: { age: days } }] };
}
