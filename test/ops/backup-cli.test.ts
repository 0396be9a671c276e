import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { runCli } from '../../functions/cli/konta.ts';
import { BAKERY } from '../../functions/local/seed/bakery.ts';
import { seedDemoShops } from '../../functions/local/seed/seed-demo-shops.ts';
import { createTestDeps } from '../support/deps.ts';

describe('npm run konta -- backup:*', () => {
  it('exports a shop, restores it under a new id, and exports the whole store', async () => {
    const t = await createTestDeps();
    await seedDemoShops(t.deps, [BAKERY]);
    const out = vi.spyOn(console, 'log').mockImplementation(() => {});
    const shopDir = join(t.dir, 'shop-export');

    expect(
      await runCli(['backup:export', '--shop', BAKERY.shop.id, '--out', shopDir], t.deps),
    ).toBe(0);
    expect(await runCli(['backup:restore', '--from', shopDir, '--as', 'copy'], t.deps)).toBe(0);
    expect((await t.deps.store.get('shops/copy')).exists).toBe(true);
    expect(await runCli(['backup:restore', '--from', shopDir, '--as', 'copy'], t.deps)).toBe(1);

    expect(await runCli(['backup:export'], t.deps)).toBe(0);
    const generation = out.mock.calls.at(-1)?.[0] as string;
    const dir = generation.match(/to (\S+)$/)![1]!;
    expect(existsSync(join(dir, 'platform', 'manifest.json'))).toBe(true);
    expect(existsSync(join(dir, 'shops', 'copy', 'manifest.json'))).toBe(true);
    expect(await runCli(['backup:prune'], t.deps)).toBe(0);
    out.mockRestore();
    await t.close();
  });
});
