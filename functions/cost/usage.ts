/**
 * A shop's billable usage over a period, in the units the providers bill. `computeMs` is
 * already rounded up per invocation to the billing increment.
 */
export type Usage = {
  reads: number;
  writes: number;
  deletes: number;
  invocations: number;
  computeMs: number;
  hostingBytes: number;
  emails: number;
};

export const emptyUsage = (): Usage => ({
  reads: 0,
  writes: 0,
  deletes: 0,
  invocations: 0,
  computeMs: 0,
  hostingBytes: 0,
  emails: 0,
});

export function addUsage(a: Usage, b: Partial<Usage>): Usage {
  const out = { ...a };
  for (const key of Object.keys(out) as (keyof Usage)[]) out[key] += b[key] ?? 0;
  return out;
}

/** Usage over `days` scaled to a 30-day month. */
export function toMonth(usage: Usage, days: number): Usage {
  const f = 30 / days;
  const out = emptyUsage();
  for (const key of Object.keys(out) as (keyof Usage)[]) out[key] = Math.round(usage[key] * f);
  return out;
}

/** Billed time of one invocation: rounded up to the increment, at least one increment. */
export function billedMs(wallMs: number, incrementMs: number): number {
  return Math.max(1, Math.ceil(wallMs / incrementMs)) * incrementMs;
}
