/**
 * Every deployable function, in one list that the build, the deploy plan, firebase.json's
 * rewrites and their tests all read. `name` is the Cloud Run functions (gen2) name and thus the
 * Cloud Run service id Hosting rewrites to; `target` is the name passed to
 * functions-framework's `http()` in the entry file.
 */
export interface DeployableFunction {
  readonly name: string;
  readonly target: string;
  readonly entry: string;
  /** Reachable from the internet (through Hosting); otherwise only with an OIDC token. */
  readonly public: boolean;
  readonly memory: string;
  /** vCPUs; Cloud Run needs at least 1 to serve concurrent requests on one instance. */
  readonly cpu: number;
  readonly timeoutSeconds: number;
  readonly maxInstances: number;
  readonly concurrency: number;
  /**
   * Secret Manager secrets bound as environment variables at deploy time (MAIL_FROM is not a
   * secret, but it differs per deployment and so lives beside them).
   */
  readonly secrets: readonly string[];
}

const common = { memory: '512Mi', cpu: 1, timeoutSeconds: 60, concurrency: 40 } as const;

export const FUNCTIONS: readonly DeployableFunction[] = [
  {
    name: 'storefront-api',
    target: 'storefrontApi',
    entry: 'functions/entries/storefront-api.ts',
    public: true,
    maxInstances: 10,
    secrets: ['SECRET_KEY', 'SMTP_URL', 'MAIL_FROM', 'STRIPE_SECRET_KEY'],
    ...common,
  },
  {
    name: 'admin-api',
    target: 'adminApi',
    entry: 'functions/entries/admin-api.ts',
    public: true,
    maxInstances: 5,
    secrets: ['SECRET_KEY', 'SMTP_URL', 'MAIL_FROM', 'STRIPE_SECRET_KEY'],
    ...common,
  },
  {
    name: 'webhooks',
    target: 'webhooks',
    entry: 'functions/entries/webhooks.ts',
    public: true,
    maxInstances: 5,
    secrets: ['SECRET_KEY', 'SMTP_URL', 'MAIL_FROM', 'STRIPE_SECRET_KEY', 'STRIPE_WEBHOOK_SECRET'],
    ...common,
  },
  {
    name: 'jobs',
    target: 'jobs',
    entry: 'functions/entries/jobs.ts',
    public: false,
    maxInstances: 2,
    secrets: ['SECRET_KEY', 'SMTP_URL', 'MAIL_FROM', 'STRIPE_SECRET_KEY'],
    ...common,
    timeoutSeconds: 540,
    concurrency: 1,
  },
];
