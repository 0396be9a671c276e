import type { LocalStack } from '../../local/stack.ts';
import { PLATFORM } from '../../store/paths.ts';
import { BILLING_INCREMENT_MS } from '../invocation-meter.ts';
import { emptyUsage, type Usage } from '../usage.ts';
import { replayCampaigns } from './campaigns.ts';
import { createReplayClient, type Tally } from './client.ts';
import { merchantHeaders } from './merchant.ts';
import { connectOdoo, type OdooPeer, replayOdooSyncs } from './odoo.ts';
import { replayOrders } from './orders.ts';
import { replayIdleSchedules } from './schedules.ts';
import { replayVisits } from './visits.ts';

/** A typical small shop's month, as the issue states it. */
export interface MonthPlan {
  visits: number;
  orders: number;
  campaigns: number;
  subscribers: number;
  odooSyncs: number;
  /** Shops sharing the platform's scheduled jobs (their idle polling is split between them). */
  shopsSharing: number;
}

export const SMALL_SHOP_MONTH: MonthPlan = {
  visits: 10_000,
  orders: 300,
  campaigns: 2,
  subscribers: 2_000,
  odooSyncs: 30,
  shopsSharing: 50,
};

export interface PhaseResult {
  name: string;
  seconds: number;
  details: Record<string, unknown>;
  /** What the phase itself cost: store reads and writes, invocations, hosting bytes. */
  usage: Record<string, number>;
}

export interface MonthResult {
  usage: Usage;
  /**
   * Store operations on the shop's documents and on platform documents (sessions, outbox,
   * job queues); `usage` adds both and the idle scheduled jobs' share.
   */
  store: { shop: Usage; platform: Usage };
  tally: Tally;
  phases: PhaseResult[];
}

/** Waits until the capture mailbox has stored every message (saves are asynchronous). */
async function settleMailbox(stack: LocalStack): Promise<void> {
  let last = -1;
  for (let i = 0; i < 50 && stack.mailbox.list().length !== last; i++) {
    last = stack.mailbox.list().length;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/**
 * Replays a month of one shop against a running local stack, phase by phase, and returns what
 * the cloud would bill: store operations from the store's own meter, invocations, compute and
 * hosting bytes from the replay client, emails from the capture mailbox.
 */
export async function replayMonth(
  stack: LocalStack,
  shopId: string,
  plan: MonthPlan,
  progress: (line: string) => void = () => {},
  odoo?: OdooPeer,
): Promise<MonthResult> {
  const client = createReplayClient(stack.url, { incrementMs: BILLING_INCREMENT_MS });
  const sitePath = new URL(stack.shops[shopId] ?? '').pathname;
  const admin = await merchantHeaders(stack.deps, shopId);
  const mailBefore = stack.mailbox.list().length;
  stack.deps.store.meter.reset();
  const phases: PhaseResult[] = [];

  const totals = () => {
    const ops = Object.values(stack.deps.store.meter.snapshot());
    const sum = (k: 'reads' | 'writes') => ops.reduce((n, o) => n + o[k], 0);
    const { invocations, hostingBytes } = client.tally;
    return { reads: sum('reads'), writes: sum('writes'), invocations, hostingBytes };
  };
  const phase = async (name: string, run: () => Promise<Record<string, unknown>>) => {
    const started = performance.now();
    const before = totals();
    progress(`${name}…`);
    const details = await run();
    const seconds = Math.round((performance.now() - started) / 100) / 10;
    const after = totals();
    const usage = Object.fromEntries(
      Object.entries(after).map(([k, v]) => [k, v - before[k as keyof typeof before]]),
    );
    phases.push({ name, seconds, details, usage });
    progress(`${name}: ${JSON.stringify({ ...details, ...usage })} in ${seconds} s`);
  };

  if (odoo) await phase('odoo connection', () => connectOdoo(client, admin, odoo));
  await phase('storefront visits', () => replayVisits(client, shopId, sitePath, plan.visits));
  await phase('orders', () => replayOrders(client, admin, shopId, plan.orders));
  await phase('campaigns', () => replayCampaigns(client, admin, plan));
  if (odoo) await phase('odoo daily sync', () => replayOdooSyncs(client, admin, plan.odooSyncs));
  let idle = { reads: 0, writes: 0 };
  await phase('scheduled jobs, idle share', async () => {
    const share = await replayIdleSchedules(client, stack.deps.store.meter, plan.shopsSharing);
    idle = share.extraOps;
    return { shopsSharing: plan.shopsSharing, runsPerMonth: share.runs, ...share.extraOps };
  });
  await settleMailbox(stack);

  const ops = stack.deps.store.meter.snapshot();
  const asUsage = (o: { reads: number; writes: number; deletes: number } | undefined) => ({
    ...emptyUsage(),
    ...o,
  });
  const shop = asUsage(ops[shopId]);
  const platform = asUsage(ops[PLATFORM]);
  const emails = stack.mailbox.list().length - mailBefore;
  const usage: Usage = {
    reads: shop.reads + platform.reads + idle.reads,
    writes: shop.writes + platform.writes + idle.writes,
    deletes: shop.deletes + platform.deletes,
    invocations: client.tally.invocations,
    computeMs: client.tally.computeMs,
    hostingBytes: client.tally.hostingBytes,
    emails,
  };
  return { usage, store: { shop, platform }, tally: client.tally, phases };
}
