import { describe, expect, it } from 'vitest';
import costBench from '../../bench/scenarios/cost.ts';

describe('npm run bench -- cost (a small month)', () => {
  it('replays every traffic type through the local stack and reports the bench fields', async () => {
    const result = (await costBench(['20', '3', '20', '1', '1', '50'])) as Record<string, unknown>;
    expect(result).toMatchObject({ scenario: 'cost', shop: 'horno-sin-gluten' });
    for (const key of ['eur_per_month', 'eur_per_month_with_free_tier', 'reads', 'writes']) {
      expect(result[key], key).toBeTypeOf('number');
    }
    expect(result.invocations).toBeGreaterThan(50);
    expect(result.emails).toBeGreaterThanOrEqual(3 + 20);
    expect(result.hosting_mb).toBeGreaterThan(0);
    const statuses = result.statuses as Record<string, number>;
    expect(Object.keys(statuses).filter((k) => / 5\d\d$/.test(k))).toEqual([]);
    const phases = (result.phases as { name: string }[]).map((p) => p.name);
    expect(phases).toEqual(
      expect.arrayContaining([
        'storefront visits',
        'orders',
        'campaigns',
        'scheduled jobs, idle share',
      ]),
    );
    expect(result.eur_per_month_with_free_tier).toBeLessThanOrEqual(result.eur_per_month as number);
  }, 240_000);
});
