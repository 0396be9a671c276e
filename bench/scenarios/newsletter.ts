/**
 * `npm run bench -- newsletter [recipients]`: one campaign to 10,000 confirmed subscribers
 * through a local SMTP sink, against a baseline of raw nodemailer (same pool size) sending one
 * pre-rendered message as many times, in the same run. Counts duplicates and missing
 * recipients at the sink and the MJML compiles the campaign needed.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import nodemailer from 'nodemailer';
import { loadConfig } from '../../functions/core/config.ts';
import { createLogger } from '../../functions/core/logger.ts';
import { createDeps } from '../../functions/deps.ts';
import { createSmtpMailer } from '../../functions/email/mailer.ts';
import { mjmlCompileCount } from '../../functions/email/render-mjml.ts';
import { scheduleCampaign } from '../../functions/newsletter/campaigns/control-campaign.ts';
import { createCampaign } from '../../functions/newsletter/campaigns/manage-campaign.ts';
import { sendCampaign } from '../../functions/newsletter/campaigns/send-campaign.ts';
import { readCampaign } from '../../functions/newsletter/read-docs.ts';
import { SqliteStore } from '../../functions/store/sqlite/sqlite-store.ts';
import {
  CONTENT,
  SHOP,
  seedProduct,
  seedShop,
  seedSubscribers,
} from '../../test/newsletter/fixtures.ts';
import { startSmtpSink } from '../../test/newsletter/smtp-sink.ts';
import { round } from '../support.ts';

const CONNECTIONS = 10;

export default async function newsletterBench(args: string[] = []): Promise<object> {
  const recipients = Number(args[0] ?? 10_000);
  const dir = mkdtempSync(join(tmpdir(), 'konta-bench-newsletter-'));
  const sink = await startSmtpSink();
  const config = loadConfig({
    KONTA_ENV: 'test',
    DATA_DIR: dir,
    SMTP_URL: sink.url,
    PUBLIC_BASE_URL: 'https://konta.example',
  });
  const store = new SqliteStore({ file: join(dir, 'konta.db') });
  const deps = await createDeps(config, {
    store,
    log: createLogger({ level: 'warn', destination: process.stderr }),
    mailer: createSmtpMailer(sink.url, { maxConnections: CONNECTIONS }),
  });

  console.error(`seeding ${recipients} subscribers`);
  await seedShop(deps);
  await seedProduct(deps, 'hogaza');
  // The throttle is a per-shop policy (default 20/s); this measures the pipeline, so it is off.
  await deps.store.set(`shops/${SHOP}/newsletter/settings`, { throttlePerSecond: 0 });
  const people = Array.from({ length: recipients }, (_, i) => ({
    email: `r${i}@example.com`,
    status: 'confirmed' as const,
    locale: i % 2 ? ('en' as const) : ('es' as const),
  }));
  await seedSubscribers(deps, people);

  const compilesBefore = mjmlCompileCount();
  const draft = await createCampaign(deps, SHOP, CONTENT);
  const campaign = await scheduleCampaign(deps, SHOP, draft.id);
  const rendered = campaign.rendered!.es!;

  console.error(`baseline: raw nodemailer pool, ${recipients} sends of one message`);
  const raw = nodemailer.createTransport({
    host: '127.0.0.1',
    port: Number(new URL(sink.url).port),
    pool: true,
    maxConnections: CONNECTIONS,
    tls: { rejectUnauthorized: false },
  });
  // Same shape as the campaign sender: 2 × connections messages in flight at any time.
  const inFlight = 2 * CONNECTIONS;
  const sendRaw = async (count: number) => {
    let next = 0;
    const worker = async () => {
      while (next < count) {
        const i = next++;
        await raw.sendMail({
          from: '"Horno Bueño" <no-reply@konta.localhost>',
          to: `b${i}@example.com`,
          subject: rendered.subject,
          html: rendered.html,
          text: rendered.text,
          // Given, as the campaign gives one: nodemailer's own Message-ID costs more per message.
          messageId: `<b${i}.baseline@konta.localhost>`,
        });
      }
    };
    await Promise.all(Array.from({ length: inFlight }, worker));
  };
  // Warm-up (untimed): connections open and nodemailer's code is compiled for both runs.
  await sendRaw(300);
  const timeRaw = async () => {
    const started = performance.now();
    await sendRaw(recipients);
    sink.mails.length = 0;
    return recipients / ((performance.now() - started) / 1000);
  };
  const baselineBefore = await timeRaw();

  console.error(`campaign: ${recipients} recipients`);
  const sendStart = performance.now();
  // Twice as many senders as connections keep the pool's queue from running dry between sends.
  const outcome = await sendCampaign(deps, SHOP, draft.id, { concurrency: inFlight });
  const sendS = (performance.now() - sendStart) / 1000;
  await sink.waitFor(recipients, 10_000).catch(() => {});
  const mails = [...sink.mails];

  // The baseline runs before and after the campaign (the machine's load drifts); the faster
  // of the two is the one compared against, which can only lower the ratio.
  console.error('baseline again, after the campaign');
  const baselineAfter = await timeRaw();
  raw.close();
  const baselinePerS = Math.max(baselineBefore, baselineAfter);

  const counts = new Map<string, number>();
  for (const mail of mails) for (const to of mail.to) counts.set(to, (counts.get(to) ?? 0) + 1);
  const duplicates = [...counts.values()].filter((n) => n > 1).length;
  const missing = people.filter((p) => !counts.has(p.email)).length;
  const done = await readCampaign(deps.store, SHOP, draft.id);

  await deps.mailer.close();
  await store.close();
  await sink.close();
  rmSync(dir, { recursive: true, force: true });

  const perS = recipients / sendS;
  return {
    scenario: 'newsletter',
    recipients,
    per_s: round(perS, 1),
    baseline_per_s: round(baselinePerS, 1),
    baseline_runs_per_s: [round(baselineBefore, 1), round(baselineAfter, 1)],
    ratio: round(perS / baselinePerS, 3),
    duplicates,
    missing,
    mjml_compiles: mjmlCompileCount() - compilesBefore,
    languages: 2,
    status: outcome.status,
    stats_sent: done.stats.sent,
    message_bytes: Buffer.byteLength(rendered.html) + Buffer.byteLength(rendered.text),
  };
}
