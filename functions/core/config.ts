import { z } from 'zod';

/**
 * The only reader of the environment. Every key is documented in `.env.example`; a missing or
 * invalid key stops start-up with a message naming it.
 */
const ConfigSchema = z.object({
  KONTA_ENV: z.enum(['local', 'test', 'dev', 'prod']).default('local'),
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  /** Defaults to http://localhost:$PORT. */
  PUBLIC_BASE_URL: z.url().optional(),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
  DATA_DIR: z.string().min(1).default('.data'),
  STORE: z.enum(['sqlite', 'firestore']).default('sqlite'),
  SQLITE_FILE: z.string().min(1).optional(),
  FIRESTORE_PROJECT_ID: z.string().min(1).optional(),
  FIRESTORE_DATABASE_ID: z.string().min(1).default('(default)'),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://')
    .default('smtp://127.0.0.1:2525'),
  MAIL_FROM: z.string().min(3).default('Kontá <no-reply@konta.localhost>'),
  SECRET_KEY: z.string().min(32, 'must be at least 32 characters').optional(),
  STRIPE_SECRET_KEY: z
    .string()
    .regex(/^(sk|rk)_/, 'must start with sk_ or rk_')
    .optional(),
  STRIPE_WEBHOOK_SECRET: z
    .string()
    .regex(/^whsec_/, 'must start with whsec_')
    .optional(),
  /** Only for tests and the local stack: the Stripe stand-in, e.g. http://127.0.0.1:4242. */
  STRIPE_API_URL: z.url().optional(),
});

/** Every environment key Kontá reads; `.env.example` must document each (a test checks). */
export const CONFIG_KEYS = Object.keys(ConfigSchema.shape);

/** Rules across keys, checked on the raw environment so they report alongside type errors. */
function crossKeyIssues(
  env: Record<string, string | undefined>,
): { key: string; message: string }[] {
  const issues: { key: string; message: string }[] = [];
  if (env.STORE === 'firestore' && !env.FIRESTORE_PROJECT_ID) {
    issues.push({ key: 'FIRESTORE_PROJECT_ID', message: 'is required when STORE=firestore' });
  }
  if ((env.KONTA_ENV === 'dev' || env.KONTA_ENV === 'prod') && !env.SECRET_KEY) {
    issues.push({ key: 'SECRET_KEY', message: 'is required in dev and prod' });
  }
  return issues;
}

type Env = z.infer<typeof ConfigSchema>;

export interface Config {
  env: Env['KONTA_ENV'];
  port: number;
  publicBaseUrl: string;
  logLevel: Env['LOG_LEVEL'];
  dataDir: string;
  store:
    | { kind: 'sqlite'; file: string }
    | { kind: 'firestore'; projectId: string; databaseId: string };
  smtpUrl: string;
  mailFrom: string;
  /** Signs sessions and unsubscribe tokens. Local and test runs derive one from the data dir. */
  secretKey: string | undefined;
  /** Stripe Checkout; absent when the platform takes no card payments. */
  stripe?: { secretKey: string; webhookSecret: string; apiUrl?: string };
}

export class ConfigError extends Error {
  readonly keys: string[];

  constructor(issues: { key: string; message: string }[]) {
    super(
      `Invalid configuration: ${issues.map((i) => `${i.key} ${i.message}`).join('; ')}. ` +
        'See .env.example for every key.',
    );
    this.name = 'ConfigError';
    this.keys = issues.map((i) => i.key);
  }
}

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = ConfigSchema.safeParse(env);
  const issues = [
    ...(parsed.error?.issues ?? []).map((i) => ({
      key: String(i.path[0] ?? '?'),
      message: i.message,
    })),
    ...crossKeyIssues(env),
  ];
  if (!parsed.success || issues.length > 0) throw new ConfigError(issues);
  const e = parsed.data;
  return {
    env: e.KONTA_ENV,
    port: e.PORT,
    publicBaseUrl: (e.PUBLIC_BASE_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, ''),
    logLevel: e.LOG_LEVEL,
    dataDir: e.DATA_DIR,
    store:
      e.STORE === 'firestore'
        ? {
            kind: 'firestore',
            projectId: e.FIRESTORE_PROJECT_ID!,
            databaseId: e.FIRESTORE_DATABASE_ID,
          }
        : { kind: 'sqlite', file: e.SQLITE_FILE ?? `${e.DATA_DIR}/konta.db` },
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    secretKey: e.SECRET_KEY,
    ...(e.STRIPE_SECRET_KEY && e.STRIPE_WEBHOOK_SECRET
      ? {
          stripe: {
            secretKey: e.STRIPE_SECRET_KEY,
            webhookSecret: e.STRIPE_WEBHOOK_SECRET,
            ...(e.STRIPE_API_URL ? { apiUrl: e.STRIPE_API_URL } : {}),
          },
        }
      : {}),
  };
}
