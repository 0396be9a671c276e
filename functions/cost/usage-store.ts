import type { Clock } from '../core/clock.ts';
import type { Logger } from '../core/logger.ts';
import { PLATFORM } from '../store/paths.ts';
import type { Store } from '../store/port.ts';
import type { InvocationMeter } from './invocation-meter.ts';
import { addUsage, emptyUsage, type Usage } from './usage.ts';

/** `shops/{shopId}/usage/{YYYY-MM}`; platform usage under `platform-usage/{YYYY-MM}`. */
export function usagePath(shopId: string, month: string): string {
  return shopId === PLATFORM ? `platform-usage/${month}` : `shops/${shopId}/usage/${month}`;
}

export const monthOf = (at: Date) => at.toISOString().slice(0, 7);

/**
 * Adds what this instance counted since the last flush to each shop's monthly usage document,
 * then resets the counters. One transaction per shop with usage: a read and a write, counted
 * in the next flush like any other operation.
 */
export async function flushUsage(deps: {
  store: Store;
  clock: Clock;
  log: Logger;
  usage: InvocationMeter;
}): Promise<number> {
  const ops = deps.store.meter.snapshot();
  const calls = deps.usage.snapshot();
  deps.store.meter.reset();
  deps.usage.reset();
  const month = monthOf(deps.clock.now());
  const shops = [...new Set([...Object.keys(ops), ...Object.keys(calls)])];

  for (const shopId of shops) {
    const delta: Partial<Usage> = { ...ops[shopId], ...calls[shopId] };
    await deps.store.runTransaction(async (tx) => {
      const path = usagePath(shopId, month);
      const snap = await tx.get<Usage & { month: string }>(path);
      const current = snap.exists ? { ...emptyUsage(), ...snap.data } : emptyUsage();
      tx.set(path, {
        ...addUsage(current, delta),
        month,
        updatedAt: deps.clock.now().toISOString(),
      });
    });
  }
  deps.log.info({ shops: shops.length, month }, 'usage flushed');
  return shops.length;
}

export async function readUsage(store: Store, shopId: string, month: string): Promise<Usage> {
  const snap = await store.get<Usage>(usagePath(shopId, month));
  const data = snap.data ?? {};
  const usage = emptyUsage();
  for (const key of Object.keys(usage) as (keyof Usage)[]) {
    const value = (data as Partial<Usage>)[key];
    usage[key] = typeof value === 'number' && Number.isFinite(value) ? value : 0;
  }
  return usage;
}

/**
 * Starts flushing every `everyMs` (5 minutes by default) and on SIGTERM, which Cloud Run sends
 * ten seconds before it stops an instance. The timer does not keep the process alive.
 */
export function startUsageFlush(
  deps: Parameters<typeof flushUsage>[0],
  everyMs = 5 * 60_000,
): () => void {
  const flush = () =>
    flushUsage(deps).catch((error: unknown) =>
      deps.log.warn({ err_name: (error as Error).name }, 'usage flush failed'),
    );
  const timer = setInterval(flush, everyMs);
  timer.unref();
  process.once('SIGTERM', flush);
  return () => {
    clearInterval(timer);
    process.off('SIGTERM', flush);
  };
}
