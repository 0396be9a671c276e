import { mkdirSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generationName, pruneBackups } from '../../functions/backup/prune-backups.ts';
import { bucketLifecycle, RETENTION, selectRetained } from '../../functions/backup/retention.ts';

/** One backup a day at 03:00 for `days` days ending on 2026-12-03. */
function dailyBackups(days: number) {
  return Array.from({ length: days }, (_, i) => {
    const at = new Date(Date.UTC(2026, 11, 3 - i, 3));
    return { name: generationName(at), takenAt: at.toISOString() };
  });
}

describe('backup retention', () => {
  it('keeps 7 daily, 5 weekly and 12 monthly generations out of two years of dailies', () => {
    const { keep, drop } = selectRetained(dailyBackups(730));
    expect(keep.length + drop.length).toBe(730);
    // Dailies overlap the newest weekly and monthly picks, so fewer than 7 + 5 + 12.
    expect(keep.length).toBeGreaterThanOrEqual(17);
    expect(keep.length).toBeLessThanOrEqual(24);
    expect(keep.slice(0, 7).map((g) => g.takenAt.slice(0, 10))).toEqual([
      '2026-12-03',
      '2026-12-02',
      '2026-12-01',
      '2026-11-30',
      '2026-11-29',
      '2026-11-28',
      '2026-11-27',
    ]);
    const oldest = keep.at(-1)!.takenAt;
    expect(oldest.slice(0, 7)).toBe('2026-01');
  });

  it('always keeps the newest generation, even with a zero policy', () => {
    const { keep } = selectRetained(dailyBackups(3), { daily: 0, weekly: 0, monthly: 0 });
    expect(keep.map((g) => g.takenAt.slice(0, 10))).toEqual(['2026-12-03']);
  });

  it('prunes generation folders on disk and leaves other folders alone', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'konta-prune-'));
    for (const g of dailyBackups(40)) mkdirSync(join(dir, g.name));
    mkdirSync(join(dir, 'manual-copy'));
    const dropped = await pruneBackups(dir);
    const left = readdirSync(dir);
    expect(left).toContain('manual-copy');
    expect(left.length - 1 + dropped.length).toBe(40);
    expect(left.length - 1).toBeLessThanOrEqual(7 + 5 + 2);
  });

  it('deletes managed exports from the bucket after the retention period', () => {
    expect(bucketLifecycle()).toEqual({
      rule: [{ action: { type: 'Delete' }, condition: { age: RETENTION.managedExportDays } }],
    });
  });
});
