import { loadPrices } from '../cost/prices.ts';
import { projectShopCost } from '../cost/project-shop-cost.ts';
import type { Deps } from '../deps.ts';

type Flags = Record<string, string | boolean | undefined>;
const num = (v: string | boolean | undefined) => (typeof v === 'string' ? Number(v) : undefined);

/** Rows for the operator CLI (`npm run konta -- cost:report …`). */
export const COST_COMMANDS = {
  'cost:report': {
    help: '--shop bakery [--month 2026-11] [--hosting-gb 1.2] [--email-per-1000 0.10]: EUR/month',
    flags: {
      shop: { type: 'string', required: true },
      month: { type: 'string' },
      'hosting-gb': { type: 'string' },
      'email-per-1000': { type: 'string' },
    },
    async run(deps: Deps, f: Flags) {
      const emailPer1000 = num(f['email-per-1000']);
      const prices = loadPrices(emailPer1000 === undefined ? {} : { emailPer1000 });
      const hostingGb = num(f['hosting-gb']);
      const report = await projectShopCost(deps, String(f.shop), prices, {
        ...(typeof f.month === 'string' ? { month: f.month } : {}),
        ...(hostingGb === undefined ? {} : { hostingBytes: hostingGb * 1e9 }),
      });
      console.log(`${report.shopId} ${report.month} (${report.daysMeasured} days measured)`);
      for (const l of [...report.lines, report.email]) {
        const qty = `${l.quantity} ${l.unit}`.padEnd(28);
        console.log(
          `  ${l.item.padEnd(22)} ${qty} ${l.eur.toFixed(4)} EUR  (${l.eurWithFreeTier.toFixed(4)} with free tier)`,
        );
      }
      console.log(`  total                  ${report.eurPerMonth.toFixed(4)} EUR/month`);
      console.log(
        `  with free tier         ${report.eurPerMonthWithFreeTier.toFixed(4)} EUR/month`,
      );
      console.log(`  prices checked on ${report.pricesCheckedOn} (config/prices.json)`);
    },
  },
} as const;
