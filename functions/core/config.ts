import * as z from 'zod/mini';
import en from 'zod/v4/locales/en.js';

// zod/mini (not the full zod the domains use) keeps ~10 ms of schema set-up out of every cold
// start; it ships without messages, so the English ones are installed here.
z.config(en());

const nonEmpty = () => z.string().check(z.minLength(1));
const prefixed = (pattern: RegExp, message: string) => z.string().check(z.regex(pattern, message));

/**
 * The only reader of the environment. Every key is documented in `.env.example`; a missing or
 * invalid key stops start-up with a message naming it.
 */
const ConfigSchema = z.object({
  KONTA_ENV: z._default(z.enum(['local', 'test', 'dev', 'prod']), 'local'),
  PORT: z._default(z.coerce.number().check(z.int(), z.gte(0), z.lte(65535)), 8080),
  /** Defaults to http://localhost:$PORT. */
  PUBLIC_BASE_URL: z.optional(z.url()),
  LOG_LEVEL: z._default(z.enum(['debug', 'info', 'warn', 'error', 'silent']), 'info'),
  DATA_DIR: z._default(nonEmpty(), '.data'),
  STORE: z._default(z.enum(['sqlite', 'firestore']), 'sqlite'),
  SQLITE_FILE: z.optional(nonEmpty()),
  FIRESTORE_PROJECT_ID: z.optional(nonEmpty()),
  FIRESTORE_DATABASE_ID: z._default(nonEmpty(), '(default)'),
  SMTP_URL: z._default(
    prefixed(/^smtps?:\/\//, 'must start with smtp:// or smtps://'),
    'smtp://127.0.0.1:2525',
  ),
  MAIL_FROM: z._default(z.string().check(z.minLength(3)), 'Kontá <no-reply@konta.localhost>'),
  SECRET_KEY: z.optional(z.string().check(z.minLength(32, 'must be at least 32 characters'))),
  STRIPE_SECRET_KEY: z.optional(prefixed(/^(sk|rk)_/, 'must start with sk_ or rk_')),
  STRIPE_WEBHOOK_SECRET: z.optional(prefixed(/^whsec_/, 'must start with whsec_')),
  /** Only for tests and the local stack: the Stripe stand-in, e.g. http://127.0.0.1:4242. */
  STRIPE_API_URL: z.optional(z.url()),
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
  const parsed = z.safeParse(ConfigSchema, env);
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
