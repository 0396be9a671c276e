/**
 * The campaign sending worker as its own OS process, for the crash test: it opens the shared
 * SQLite file, sends through the test's SMTP server and asks the test's probe which Message-IDs
 * arrived. Exits 0 when the campaign is sent.
 */
import { loadConfig } from '../../../functions/core/config.ts';
import { createLogger } from '../../../functions/core/logger.ts';
import { createDeps } from '../../../functions/deps.ts';
import { createSmtpMailer } from '../../../functions/email/mailer.ts';
import { sendCampaign } from '../../../functions/newsletter/campaigns/send-campaign.ts';

const env = process.env;
const config = loadConfig({
  KONTA_ENV: 'test',
  DATA_DIR: env.DATA_DIR,
  SQLITE_FILE: env.SQLITE_FILE,
  SMTP_URL: env.SMTP_URL,
  PUBLIC_BASE_URL: 'https://konta.example',
  LOG_LEVEL: 'warn',
});
const deps = await createDeps(config, {
  log: createLogger({ level: 'warn', destination: process.stderr }),
  mailer: createSmtpMailer(config.smtpUrl, { maxConnections: 5 }),
});
const probeUrl = env.PROBE_URL!;

async function deliveryProbe(messageId: string): Promise<boolean> {
  const res = await fetch(`${probeUrl}?id=${encodeURIComponent(messageId)}`);
  return ((await res.json()) as { delivered: boolean }).delivered;
}

for (;;) {
  const outcome = await sendCampaign(deps, env.SHOP_ID!, env.CAMPAIGN_ID!, {
    batchSize: 200,
    concurrency: 5,
    leaseMs: 1_000,
    deliveryProbe,
  });
  if (outcome.status === 'sent') break;
  if (outcome.status !== 'locked' && outcome.status !== 'sending') {
    throw new Error(`campaign ended ${outcome.status}`);
  }
  await new Promise((resolve) => setTimeout(resolve, 200));
}
await deps.mailer.close();
await deps.store.close();
process.exit(0);
