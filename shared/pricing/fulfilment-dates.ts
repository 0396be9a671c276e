import type { LocalPickup } from '../catalog/settings.ts';

/** A calendar date `YYYY-MM-DD` in the shop's time zone. */
export type LocalDate = string;

const DAY_MS = 86_400_000;

export function localDate(now: Date, timeZone: string): LocalDate {
  return new Intl.DateTimeFormat('en-CA', { timeZone, dateStyle: 'short' }).format(now);
}

export function addDays(date: LocalDate, days: number): LocalDate {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** 0 = Sunday … 6 = Saturday, as in the pickup settings. */
export function weekdayOf(date: LocalDate): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay();
}

/** The longest lead time among the cart's made-to-order lines decides the earliest date. */
export function cartLeadTimeDays(leadTimes: readonly number[]): number {
  return leadTimes.reduce((max, days) => Math.max(max, days), 0);
}

/** Earliest date a made-to-order cart can be dispatched: today plus the lead time. */
export function earliestDispatchDate(now: Date, timeZone: string, leadDays: number): LocalDate {
  return addDays(localDate(now, timeZone), leadDays);
}

/** First pickup day on an opening weekday, no sooner than the method's notice or lead time. */
export function earliestPickupDate(
  now: Date,
  timeZone: string,
  method: LocalPickup,
  leadDays: number,
): LocalDate | undefined {
  const today = localDate(now, timeZone);
  const first = Math.max(method.minDaysAhead, leadDays);
  for (let offset = first; offset <= Math.max(first, method.maxDaysAhead) + 7; offset++) {
    const date = addDays(today, offset);
    if (method.weekdays.includes(weekdayOf(date))) return date;
  }
  return undefined;
}

export type PickupProblem = 'missing' | 'too_early' | 'too_late' | 'closed_day' | 'unknown_slot';

/** Checks a requested pickup date and slot; `undefined` means it is acceptable. */
export function checkPickup(
  now: Date,
  timeZone: string,
  method: LocalPickup,
  leadDays: number,
  date: LocalDate | undefined,
  slotId: string | undefined,
): PickupProblem | undefined {
  if (!date || !slotId) return 'missing';
  const earliest = earliestPickupDate(now, timeZone, method, leadDays);
  if (!earliest || date < earliest) return 'too_early';
  const latest = addDays(localDate(now, timeZone), Math.max(method.maxDaysAhead, leadDays + 7));
  if (date > latest) return 'too_late';
  if (!method.weekdays.includes(weekdayOf(date))) return 'closed_day';
  if (!method.slots.some((s) => s.id === slotId)) return 'unknown_slot';
  return undefined;
}
