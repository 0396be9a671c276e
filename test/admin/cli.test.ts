import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { runCli } from '../../functions/cli/konta.ts';
import { DEMO_SHOP_IDS, seedDemoShops } from '../../functions/local/seed/seed-demo-shops.ts';
import { createTestDeps } from '../support/deps.ts';
import { startTestSmtp } from '../support/smtp.ts';

describe('konta operator CLI', () => {
  let smtp: Awaited<ReturnType<typeof startTestSmtp>>;
  let t: Awaited<ReturnType<typeof createTestDeps>>;

  beforeAll(async () => {
    smtp = await startTestSmtp();
    t = await createTestDeps({ smtpUrl: smtp.url });
  });
  afterAll(async () => {
    await t.close();
    await smtp.close();
  });

  it('creates a shop, invites its owner by email and lists shops', async () => {
    const out: string[] = [];
    const log = vi.spyOn(console, 'log').mockImplementation((line) => void out.push(line));
    const create = ['shop:create', '--id', 'bakery', '--name', 'Horno', '--email', 'h@x.es'];
    expect(await runCli(create, t.deps)).toBe(0);
    expect(
      await runCli(['shop:invite-owner', '--shop', 'bakery', '--email', 'o@x.es'], t.deps),
    ).toBe(0);
    expect(await runCli(['shop:list'], t.deps)).toBe(0);
    log.mockRestore();

    const [mail] = await smtp.waitFor(1);
    expect(mail!.envelopeTo).toEqual(['o@x.es']);
    expect(out.join('\n')).toMatch(/bakery\tproduction/);
    const members = await t.deps.store.query({ collection: 'shops/bakery/members' });
    expect(members.map((m) => m.data?.role)).toEqual(['owner']);
  });

  it('refuses a duplicate shop and an unknown command', async () => {
    const err = vi.spyOn(console, 'error').mockImplementation(() => {});
    const create = ['shop:create', '--id', 'bakery', '--name', 'Otra', '--email', 'h@x.es'];
    expect(await runCli(create, t.deps)).toBe(1);
    expect(await runCli(['nope'], t.deps)).toBe(2);
    expect(await runCli(['shop:create', '--id', 'x'], t.deps)).toBe(2);
    err.mockRestore();
  });
});

describe('konta shop:publish', () => {
  let t: Awaited<ReturnType<typeof createTestDeps>>;

  beforeAll(async () => {
    t = await createTestDeps();
    await seedDemoShops(t.deps);
  });
  afterAll(async () => {
    await t.close();
  });

  it('publishes every shop with a line each, and fails naming an unknown shop', {
    timeout: 120_000,
  }, async () => {
    const out: string[] = [];
    const err: string[] = [];
    const log = vi.spyOn(console, 'log').mockImplementation((line) => void out.push(line));
    const error = vi.spyOn(console, 'error').mockImplementation((line) => void err.push(line));
    expect(await runCli(['shop:publish', '--all'], t.deps)).toBe(0);
    expect(await runCli(['shop:publish', '--shop', 'no-such-shop'], t.deps)).toBe(1);
    expect(await runCli(['shop:publish'], t.deps)).toBe(1);
    log.mockRestore();
    error.mockRestore();

    expect(out).toHaveLength(DEMO_SHOP_IDS.length);
    for (const [i, shopId] of DEMO_SHOP_IDS.entries()) {
      expect(out.some((l) => l.includes(`${shopId}: published`))).toBe(true);
      const home = join(t.dir, 'sites', shopId, 'current', 'index.html');
      expect(readFileSync(home, 'utf8')).toContain(`/s/${shopId}/`);
      expect(out.join('\n')).toContain(`[${i + 1}/${DEMO_SHOP_IDS.length}]`);
    }
    expect(err.join('\n')).toMatch(/no-such-shop: there is no such shop/);
    expect(err.join('\n')).toMatch(/--shop, or publish all with --all/);
  });
});
