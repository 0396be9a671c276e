/**
 * Cloud Scheduler jobs that call the jobs function. Each `path` must be a POST route of
 * `functions/apps/jobs.ts` (a test checks it); the local stack runs the same paths from its
 * own timer (`LOCAL_SCHEDULE`).
 */
export interface Schedule {
  readonly name: string;
  readonly path: string;
  /** Unix cron in the environment's time zone. */
  readonly cron: string;
  readonly deadlineSeconds: number;
}

export const SCHEDULES: readonly Schedule[] = [
  { name: 'outbox-drain', path: '/jobs/outbox/drain', cron: '* * * * *', deadlineSeconds: 540 },
  {
    name: 'reservations-sweep',
    path: '/jobs/reservations/sweep',
    cron: '*/5 * * * *',
    deadlineSeconds: 300,
  },
  {
    name: 'newsletter-send',
    path: '/jobs/newsletter/send',
    cron: '*/2 * * * *',
    deadlineSeconds: 540,
  },
  {
    name: 'odoo-schedule-pulls',
    path: '/jobs/odoo/schedule-pulls',
    cron: '*/5 * * * *',
    deadlineSeconds: 120,
  },
  {
    name: 'production-low-stock-digest',
    path: '/jobs/production/low-stock-digest',
    cron: '0 7 * * *',
    deadlineSeconds: 300,
  },
  {
    name: 'admin-purge-expired',
    path: '/jobs/admin/purge-expired',
    cron: '17 * * * *',
    deadlineSeconds: 120,
  },
];

/**
 * The managed Firestore export runs from Cloud Scheduler straight to the Firestore Admin API
 * (`exportDocuments`), so it needs no function and keeps working when ours are broken.
 */
export const FIRESTORE_EXPORT = {
  name: 'firestore-export',
  cron: '0 3 * * *',
  prefix: 'firestore',
} as const;
