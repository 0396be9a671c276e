import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadConfig } from '../../functions/core/config.ts';
import { loadPrices } from '../../functions/cost/prices.ts';
import { projectCost } from '../../functions/cost/project-cost.ts';
import {
  type MonthPlan,
  replayMonth,
  SMALL_SHOP_MONTH,
} from '../../functions/cost/replay/month.ts';
import { BAKERY } from '../../functions/local/seed/bakery.ts';
import { startLocalStack } from '../../functions/local/stack.ts';
import { type Standin, startStandin } from '../../test/support/odoo-standin/start-standin.ts';
import { freePort, round } from '../support.ts';

/**
 * `npm run bench -- cost [visits orders subscribers campaigns odooSyncs shopsSharing]`: replays a small
 * shop's month (the demo bakery) against the local stack and projects its cloud bill in EUR.
 * Defaults are the month: 10,000 visits, 300 orders, 2 campaigns to 2,000
 * subscribers, a daily Odoo sync.
 */
export default async function costBench(args: string[]): Promise<object> {
  const [visits, orders, subscribers, campaigns, odooSyncs, shopsSharing] = args.map(Number);
  const plan: MonthPlan = {
    visits: visits || SMALL_SHOP_MONTH.visits,
    orders: orders || SMALL_SHOP_MONTH.orders,
    subscribers: subscribers || SMALL_SHOP_MONTH.subscribers,
    campaigns: campaigns || SMALL_SHOP_MONTH.campaigns,
    odooSyncs: odooSyncs || SMALL_SHOP_MONTH.odooSyncs,
    shopsSharing: shopsSharing || SMALL_SHOP_MONTH.shopsSharing,
  };
  // Inside the repository: the storefront build resolves its packages from node_modules.
  const root = resolve(import.meta.dirname, '../..');
  mkdirSync(join(root, '.data'), { recursive: true });
  const dir = mkdtempSync(join(root, '.data', 'bench-cost-'));
  const config = loadConfig({
    KONTA_ENV: 'test',
    DATA_DIR: dir,
    PORT: '0',
    LOG_LEVEL: 'silent',
    SMTP_URL: `smtp://127.0.0.1:${await freePort()}`,
  });
  const started = performance.now();
  const stack = await startLocalStack({
    config,
    timers: false,
    progress: (line) => process.stderr.write(`cost: ${line}\n`),
  });

  let odoo: Standin | undefined;
  try {
    const shopId = BAKERY.shop.id;
    odoo = await startStandin({ odooVersion: 17 }).catch((error: unknown) => {
      process.stderr.write(`cost: no Odoo stand-in (${(error as Error).message}); sync skipped\n`);
      return undefined;
    });
    const month = await replayMonth(
      stack,
      shopId,
      plan,
      (line) => process.stderr.write(`cost: ${line}\n`),
      odoo && { url: odoo.url, db: odoo.db, login: odoo.login, apiKey: odoo.apiKey },
    );
    const prices = loadPrices();
    const cost = projectCost(month.usage, prices);
    for (const l of [...cost.lines, cost.email]) {
      process.stderr.write(
        `cost: ${l.item.padEnd(22)} ${String(l.quantity).padStart(12)} ${l.unit.padEnd(12)} ` +
          `${l.eur.toFixed(4)} EUR (${l.eurWithFreeTier.toFixed(4)} with free tier)\n`,
      );
    }
    return {
      scenario: 'cost',
      eur_per_month: round(cost.eurPerMonth, 4),
      eur_per_month_with_free_tier: round(cost.eurPerMonthWithFreeTier, 4),
      reads: month.usage.reads,
      writes: month.usage.writes,
      deletes: month.usage.deletes,
      invocations: month.usage.invocations,
      compute_seconds: round(month.usage.computeMs / 1000, 1),
      hosting_mb: round(month.usage.hostingBytes / 1e6, 2),
      emails: month.usage.emails,
      email_eur_per_month: round(cost.emailEurPerMonth, 4),
      total_eur_per_month_with_email: round(cost.totalEurPerMonth, 4),
      shop: shopId,
      plan,
      store_by_owner: month.store,
      functions: month.tally.byFunction,
      statuses: month.tally.statuses,
      phases: month.phases,
      lines: [...cost.lines, cost.email],
      prices_checked_on: cost.pricesCheckedOn,
      seconds: round((performance.now() - started) / 1000, 1),
    };
  } finally {
    await odoo?.stop();
    await stack.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
