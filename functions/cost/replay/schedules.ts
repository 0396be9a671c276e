import { SCHEDULES } from '../../ops/schedules.ts';
import type { StoreMeter } from '../../store/port.ts';
import type { ReplayClient } from './client.ts';

/** Runs per 30-day month of the cron forms the schedules use: `* * * * *`, `*\/N * * * *`. */
export function runsPerMonth(cron: string): number {
  const [minute, hour, ...rest] = cron.split(' ');
  const everyDay = rest.every((f) => f === '*');
  if (!everyDay) throw new Error(`Unsupported cron for the cost replay: ${cron}`);
  const perHour = minute === '*' ? 60 : minute?.startsWith('*/') ? 60 / Number(minute.slice(2)) : 1;
  const hours = hour === '*' ? 24 : 1;
  return perHour * hours * 30;
}

/**
 * The scheduled jobs poll whether or not there is work; that idle cost is the platform's, shared
 * by every shop. Each job runs `samples` times with nothing to do (the real code path); the
 * measured invocations, compute and store operations are scaled to `1 / shopsSharing` of the
 * month's runs.
 */
export async function replayIdleSchedules(
  client: ReplayClient,
  meter: StoreMeter,
  shopsSharing: number,
  samples = 5,
): Promise<{ runs: Record<string, number>; extraOps: { reads: number; writes: number } }> {
  const runs: Record<string, number> = {};
  const extraOps = { reads: 0, writes: 0 };
  const total = () =>
    Object.values(meter.snapshot()).reduce(
      (n, c) => ({ reads: n.reads + c.reads, writes: n.writes + c.writes }),
      { reads: 0, writes: 0 },
    );
  for (const schedule of SCHEDULES) {
    const monthRuns = runsPerMonth(schedule.cron) / shopsSharing;
    const before = { ...client.tally };
    const opsBefore = total();
    for (let i = 0; i < samples; i++) await client.request(schedule.path, { method: 'POST' });

    // The samples ran for real; scale them up to this shop's share of the month's runs.
    const factor = monthRuns / samples - 1;
    const opsAfter = total();
    client.tally.invocations += Math.round(
      (client.tally.invocations - before.invocations) * factor,
    );
    client.tally.computeMs += Math.round((client.tally.computeMs - before.computeMs) * factor);
    extraOps.reads += Math.round((opsAfter.reads - opsBefore.reads) * factor);
    extraOps.writes += Math.round((opsAfter.writes - opsBefore.writes) * factor);
    runs[schedule.name] = Math.round(monthRuns);
  }
  return { runs, extraOps };
}
