import { createHash } from 'node:crypto';
import type { Clock } from './core/clock.ts';
import { systemClock } from './core/clock.ts';
import type { Config } from './core/config.ts';
import { createLogger, type Logger } from './core/logger.ts';
import type { InvocationMeter } from './cost/invocation-meter.ts';
import { createSmtpMailer, type Mailer } from './email/mailer.ts';
import { openStore } from './store/open-store.ts';
import type { Store } from './store/port.ts';

/**
 * What every use case may depend on, passed as a plain object from the composition root.
 * Heavy collaborators (mailer, payment SDKs, MJML) are created lazily by their domains.
 */
export interface Deps {
  config: Config;
  log: Logger;
  clock: Clock;
  store: Store;
  /** SMTP; nodemailer is loaded on the first send. */
  mailer: Mailer;
  /** Secret for signing sessions and tokens; derived per data dir when not configured. */
  secretKey: string;
  /** Per-shop invocation counts for the cost meter; deployed functions set one. */
  usage?: InvocationMeter;
}

export async function createDeps(config: Config, overrides: Partial<Deps> = {}): Promise<Deps> {
  const log = overrides.log ?? createLogger({ level: config.logLevel });
  const store = overrides.store ?? (await openStore(config.store));
  const secretKey =
    config.secretKey ??
    // Local and test only (config refuses dev/prod without SECRET_KEY): stable per data dir.
    createHash('sha256').update(`konta-local:${config.dataDir}`).digest('hex');
  const mailer = overrides.mailer ?? createSmtpMailer(config.smtpUrl);
  return {
    config,
    log,
    clock: overrides.clock ?? systemClock,
    store,
    mailer,
    secretKey,
    ...overrides,
  };
}
