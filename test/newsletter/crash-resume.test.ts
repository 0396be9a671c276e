import { type ChildProcess, spawn } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scheduleCampaign } from '../../functions/newsletter/campaigns/control-campaign.ts';
import { createCampaign } from '../../functions/newsletter/campaigns/manage-campaign.ts';
import { readCampaign } from '../../functions/newsletter/read-docs.ts';
import { createTestDeps } from '../support/deps.ts';
import {
  CONTENT,
  PUBLIC_BASE_URL,
  SHOP,
  seedProduct,
  seedShop,
  seedSubscribers,
} from './fixtures.ts';
import { startSmtpSink } from './smtp-sink.ts';

const CONFIRMED = 5_000;
const WORKER = join(import.meta.dirname, 'worker', 'send-worker.ts');

describe('newsletter sending survives a crash', () => {
  let smtp: Awaited<ReturnType<typeof startSmtpSink>>;
  let t: Awaited<ReturnType<typeof createTestDeps>>;
  let probe: Server;
  let probeUrl: string;

  beforeAll(async () => {
    smtp = await startSmtpSink();
    // The test SMTP server can say which Message-IDs it accepted; production relays cannot.
    probe = createServer((req, res) => {
      const id = new URL(req.url ?? '/', 'http://x').searchParams.get('id') ?? '';
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ delivered: smtp.accepted(id) }));
    });
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    probeUrl = `http://127.0.0.1:${(probe.address() as AddressInfo).port}/`;
    t = await createTestDeps({ smtpUrl: smtp.url, env: { PUBLIC_BASE_URL } });
  });
  afterAll(async () => {
    await t.close();
    await new Promise((resolve) => probe.close(resolve));
    await smtp.close();
  });

  function startWorker(campaignId: string): ChildProcess {
    return spawn(process.execPath, [WORKER], {
      env: {
        ...process.env,
        DATA_DIR: t.dir,
        SQLITE_FILE: join(t.dir, 'konta.db'),
        SMTP_URL: smtp.url,
        PROBE_URL: probeUrl,
        SHOP_ID: SHOP,
        CAMPAIGN_ID: campaignId,
      },
      stdio: ['ignore', 'inherit', 'inherit'],
    });
  }

  it('sends every confirmed subscriber exactly one message after SIGKILL and restart', async () => {
    const { deps } = t;
    await seedShop(deps);
    await seedProduct(deps, 'hogaza');
    await deps.store.set(`shops/${SHOP}/newsletter/settings`, { throttlePerSecond: 0 });
    const people = [
      ...Array.from({ length: CONFIRMED }, (_, i) => ({
        email: `c${i}@example.com`,
        status: 'confirmed' as const,
        locale: i % 3 === 0 ? ('en' as const) : ('es' as const),
      })),
      ...Array.from({ length: 200 }, (_, i) => ({
        email: `p${i}@example.com`,
        status: 'pending' as const,
      })),
      ...Array.from({ length: 200 }, (_, i) => ({
        email: `u${i}@example.com`,
        status: 'unsubscribed' as const,
      })),
    ];
    await seedSubscribers(deps, people);
    const campaign = await createCampaign(deps, SHOP, CONTENT);
    await scheduleCampaign(deps, SHOP, campaign.id);

    const first = startWorker(campaign.id);
    const exited = new Promise((resolve) => first.once('exit', resolve));
    await smtp.waitFor(1_500, 60_000);
    first.kill('SIGKILL');
    expect(await exited).toBe(null);
    const atKill = smtp.mails.length;
    const claimed = await deps.store.query({
      collection: `shops/${SHOP}/campaigns/${campaign.id}/recipients`,
      where: [{ field: 'status', op: '==', value: 'sending' }],
    });
    console.log(`killed after ${atKill} messages; ${claimed.length} recipients left in sending`);
    expect(atKill).toBeLessThan(CONFIRMED);

    const started = performance.now();
    const second = startWorker(campaign.id);
    const code = await new Promise((resolve) => second.once('exit', resolve));
    expect(code).toBe(0);
    console.log(`resumed and finished in ${Math.round(performance.now() - started)} ms`);
    await smtp.waitFor(CONFIRMED, 30_000);
    await new Promise((resolve) => setTimeout(resolve, 500));

    const received = new Map<string, number>();
    for (const mail of smtp.mails) {
      for (const to of mail.to) received.set(to, (received.get(to) ?? 0) + 1);
    }
    const duplicates = [...received.values()].filter((n) => n > 1).length;
    const missing = people.filter((p) => p.status === 'confirmed' && !received.has(p.email));
    const unwanted = people.filter((p) => p.status !== 'confirmed' && received.has(p.email));
    expect({ duplicates, missing: missing.length, unwanted: unwanted.length }).toEqual({
      duplicates: 0,
      missing: 0,
      unwanted: 0,
    });
    expect(smtp.mails).toHaveLength(CONFIRMED);
    const en = smtp.mails.find((m) => m.to[0] === 'c3@example.com');
    expect(en?.head).toMatch(/^Content-Language: en$/m);

    const done = await readCampaign(deps.store, SHOP, campaign.id);
    expect(done).toMatchObject({ status: 'sent', stats: { sent: CONFIRMED, failed: 0 } });
  }, 180_000);
});
