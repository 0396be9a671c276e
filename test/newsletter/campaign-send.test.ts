import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createSmtpMailer } from '../../functions/email/mailer.ts';
import { mjmlCompileCount } from '../../functions/email/render-mjml.ts';
import {
  controlCampaign,
  scheduleCampaign,
} from '../../functions/newsletter/campaigns/control-campaign.ts';
import { createCampaign } from '../../functions/newsletter/campaigns/manage-campaign.ts';
import { runCampaignQueue } from '../../functions/newsletter/campaigns/run-campaign-queue.ts';
import { sendCampaign } from '../../functions/newsletter/campaigns/send-campaign.ts';
import { readCampaign } from '../../functions/newsletter/read-docs.ts';
import type { CampaignContent } from '../../shared/newsletter/campaign.ts';
import { createTestDeps } from '../support/deps.ts';
import { startTestSmtp } from '../support/smtp.ts';
import {
  CONTENT,
  getSubscriber,
  headerLines,
  PUBLIC_BASE_URL,
  publicApp,
  SHOP,
  seedProduct,
  seedShop,
  seedSubscribers,
} from './fixtures.ts';

describe('newsletter campaign sending', () => {
  let smtp: Awaited<ReturnType<typeof startTestSmtp>>;
  let t: Awaited<ReturnType<typeof createTestDeps>>;

  beforeAll(async () => {
    smtp = await startTestSmtp((address) => (address.startsWith('gone') ? 550 : undefined));
  });
  beforeEach(async () => {
    smtp.mails.length = 0;
    t = await createTestDeps({ smtpUrl: smtp.url, env: { PUBLIC_BASE_URL } });
    await seedShop(t.deps);
    await seedProduct(t.deps, 'hogaza');
    await t.deps.store.set(`shops/${SHOP}/newsletter/settings`, { throttlePerSecond: 0 });
  });
  afterEach(async () => {
    await t.close();
  });
  afterAll(async () => {
    await smtp.close();
  });

  async function startCampaign(content: CampaignContent = CONTENT) {
    const campaign = await createCampaign(t.deps, SHOP, content);
    await scheduleCampaign(t.deps, SHOP, campaign.id);
    return campaign.id;
  }

  it('sends each confirmed subscriber one correct email in their language, nobody else', async () => {
    await seedSubscribers(t.deps, [
      { email: 'ana@example.com', status: 'confirmed', locale: 'es' },
      { email: 'bob@example.com', status: 'confirmed', locale: 'en' },
      { email: 'pending@example.com', status: 'pending' },
      { email: 'left@example.com', status: 'unsubscribed' },
      { email: 'dead@example.com', status: 'bounced' },
    ]);
    const compilesBefore = mjmlCompileCount();
    const id = await startCampaign();
    expect(await sendCampaign(t.deps, SHOP, id)).toEqual({ status: 'sent' });
    expect(mjmlCompileCount() - compilesBefore).toBe(2);

    const mails = await smtp.waitFor(2);
    await new Promise((r) => setTimeout(r, 100));
    expect(smtp.mails.map((m) => m.envelopeTo[0]).sort()).toEqual([
      'ana@example.com',
      'bob@example.com',
    ]);
    const es = mails.find((m) => m.envelopeTo[0] === 'ana@example.com')!;
    const en = mails.find((m) => m.envelopeTo[0] === 'bob@example.com')!;
    expect(es.parsed.subject).toBe('Novedades de otoño: ñandú 🍞');
    expect(es.raw.toString()).toMatch(/^Subject: =\?UTF-8\?/m);
    expect(en.parsed.subject).toBe('Autumn news 🍞');
    expect(es.parsed.html).toContain('lang="es"');
    expect(en.parsed.html).toContain('lang="en"');
    expect(en.parsed.headers.get('content-language')).toBe('en');

    for (const mail of [es, en]) {
      const { parsed, raw } = mail;
      expect(raw.toString()).toMatch(/Content-Type: multipart\/alternative/);
      expect(parsed.text).toBeTruthy();
      expect(parsed.html).toBeTruthy();
      expect(headerLines(raw, 'List-Unsubscribe')).toHaveLength(1);
      expect(headerLines(raw, 'List-Unsubscribe')[0]).toMatch(
        /^List-Unsubscribe: <https:\/\/konta\.example\/[^>]+>, <mailto:[^>]+>$/,
      );
      expect(headerLines(raw, 'List-Unsubscribe-Post')).toEqual([
        'List-Unsubscribe-Post: List-Unsubscribe=One-Click',
      ]);
      expect(parsed.messageId).toMatch(new RegExp(`^<${id}\\.[0-9a-f]{32}@konta\\.localhost>$`));
      expect(parsed.date).toBeInstanceOf(Date);
      expect(parsed.from?.value[0]).toMatchObject({ name: 'Horno Bueño' });
      expect(parsed.replyTo?.value[0]?.address).toBe('hola@horno.example');
      const images = [...(parsed.html || '').matchAll(/<img[^>]+src="([^"]+)"/g)].map((m) => m[1]);
      expect(images).toContain('https://horno.example/media/banner.webp');
      expect(images).toContain('https://horno.example/media/hogaza.webp');
      expect(images.every((src) => src?.startsWith('https://'))).toBe(true);
      expect(parsed.html).not.toContain('<script');
      expect(parsed.html).not.toContain('/o/');
    }
    expect(es.parsed.html).toContain('Pan hogaza');
    expect(es.parsed.html).toMatch(/4,50\s€/);
    expect(en.parsed.text).toContain('Bread hogaza');
    expect(en.parsed.text).toMatch(/https:\/\/horno\.example\/en\/products\/hogaza\b(?!\/)/);
    expect(en.parsed.text).toMatch(/Unsubscribe: https:\/\/konta\.example\/\S+unsubscribe\?token=/);

    const campaign = await readCampaign(t.deps.store, SHOP, id);
    expect(campaign).toMatchObject({ status: 'sent', stats: { sent: 2, failed: 0, bounced: 0 } });
    expect(await sendCampaign(t.deps, SHOP, id)).toEqual({ status: 'sent' });
    expect(smtp.mails).toHaveLength(2);
  });

  it('counts an unsubscribe through a campaign link once', async () => {
    await seedSubscribers(t.deps, [{ email: 'ana@example.com', status: 'confirmed' }]);
    const id = await startCampaign();
    await sendCampaign(t.deps, SHOP, id);
    const [mail] = await smtp.waitFor(1);
    const url = new URL(
      /<(https:[^>]+)>/.exec(headerLines(mail!.raw, 'List-Unsubscribe')[0]!)![1]!,
    );
    const app = publicApp(t.deps);
    const init = { method: 'POST', body: 'List-Unsubscribe=One-Click' };
    expect((await app.request(`${url.pathname}${url.search}`, init)).status).toBe(200);
    expect((await app.request(`${url.pathname}${url.search}`, init)).status).toBe(200);
    expect((await readCampaign(t.deps.store, SHOP, id)).stats.unsubscribed).toBe(1);
  });

  it('marks permanent SMTP rejections as bounced and keeps sending', async () => {
    await seedSubscribers(t.deps, [
      { email: 'ana@example.com', status: 'confirmed' },
      { email: 'gone@example.com', status: 'confirmed' },
      { email: 'zoe@example.com', status: 'confirmed' },
    ]);
    const id = await startCampaign();
    expect(await sendCampaign(t.deps, SHOP, id)).toEqual({ status: 'sent' });
    await smtp.waitFor(2);
    expect((await getSubscriber(t.deps, 'gone@example.com'))?.status).toBe('bounced');
    expect((await readCampaign(t.deps.store, SHOP, id)).stats).toMatchObject({
      sent: 2,
      bounced: 1,
    });
  });

  it('pauses at the error threshold, then resumes without doubling anyone', async () => {
    await t.deps.store.set(`shops/${SHOP}/newsletter/settings`, {
      throttlePerSecond: 0,
      errorThreshold: 3,
    });
    await seedSubscribers(
      t.deps,
      Array.from({ length: 8 }, (_, i) => ({
        email: `p${i}@example.com`,
        status: 'confirmed' as const,
      })),
    );
    const id = await startCampaign();
    const down = createSmtpMailer('smtp://127.0.0.1:9', { maxConnections: 1 });
    const outcome = await sendCampaign(t.deps, SHOP, id, { mailer: down, concurrency: 1 });
    await down.close();
    expect(outcome).toEqual({ status: 'paused' });
    const paused = await readCampaign(t.deps.store, SHOP, id);
    expect(paused).toMatchObject({ errorCount: 3, stats: { sent: 0 } });
    expect(paused.pauseReason).toContain('3 sends failed');
    expect(await sendCampaign(t.deps, SHOP, id)).toEqual({ status: 'paused' });

    await controlCampaign(t.deps, SHOP, id, 'resume');
    expect(await sendCampaign(t.deps, SHOP, id)).toEqual({ status: 'sent' });
    await smtp.waitFor(8);
    const to = smtp.mails.map((m) => m.envelopeTo[0]);
    expect(new Set(to).size).toBe(8);
    expect(to).toHaveLength(8);
    expect((await readCampaign(t.deps.store, SHOP, id)).stats.sent).toBe(8);
  });

  it('stops a paused or cancelled campaign and refuses to resume a cancelled one', async () => {
    await seedSubscribers(t.deps, [{ email: 'ana@example.com', status: 'confirmed' }]);
    const id = await startCampaign();
    await controlCampaign(t.deps, SHOP, id, 'pause');
    expect(await sendCampaign(t.deps, SHOP, id)).toEqual({ status: 'paused' });
    await controlCampaign(t.deps, SHOP, id, 'cancel');
    expect(await sendCampaign(t.deps, SHOP, id)).toEqual({ status: 'cancelled' });
    await expect(controlCampaign(t.deps, SHOP, id, 'resume')).rejects.toMatchObject({
      code: 'invalid_transition',
    });
    expect(smtp.mails).toHaveLength(0);
  });

  it('sends to segments: a tag, buyers of a product or collection, customers without recent orders', async () => {
    await seedSubscribers(t.deps, [
      { email: 'ana@example.com', status: 'confirmed', tags: ['vip'] },
      { email: 'bob@example.com', status: 'confirmed' },
      { email: 'eva@example.com', status: 'confirmed' },
    ]);
    const order = (
      id: string,
      email: string,
      productId: string,
      createdAt: string,
      status = 'paid',
    ) =>
      t.deps.store.set(`shops/${SHOP}/orders/${id}`, {
        status,
        customer: { email },
        lines: [{ productId, quantity: 1 }],
        createdAt,
      });
    await order('o1', 'Bob@example.com', 'hogaza', '2026-11-30T00:00:00.000Z');
    await order('o2', 'eva@example.com', 'other', '2026-06-01T00:00:00.000Z');
    await order('o3', 'ana@example.com', 'hogaza', '2026-11-30T00:00:00.000Z', 'cancelled');

    const sendTo = async (segment: CampaignContent['segment']) => {
      smtp.mails.length = 0;
      const id = await startCampaign({ ...CONTENT, segment });
      await sendCampaign(t.deps, SHOP, id);
      await new Promise((r) => setTimeout(r, 150));
      return smtp.mails.map((m) => m.envelopeTo[0]).sort();
    };
    expect(await sendTo({ kind: 'tag', tag: 'vip' })).toEqual(['ana@example.com']);
    expect(await sendTo({ kind: 'bought', productIds: ['hogaza'] })).toEqual(['bob@example.com']);
    expect(await sendTo({ kind: 'bought', productIds: [], collection: 'panes' })).toEqual([
      'bob@example.com',
    ]);
    expect(await sendTo({ kind: 'inactive', days: 30 })).toEqual([
      'ana@example.com',
      'eva@example.com',
    ]);
  });

  it('throttles a shop to its messages per second', async () => {
    await t.deps.store.set(`shops/${SHOP}/newsletter/settings`, { throttlePerSecond: 10 });
    await seedSubscribers(
      t.deps,
      Array.from({ length: 11 }, (_, i) => ({
        email: `p${i}@example.com`,
        status: 'confirmed' as const,
      })),
    );
    const id = await startCampaign();
    const started = performance.now();
    await sendCampaign(t.deps, SHOP, id);
    expect(performance.now() - started).toBeGreaterThanOrEqual(950);
  });

  it('starts a scheduled campaign from the job queue when it is due', async () => {
    await seedSubscribers(t.deps, [{ email: 'ana@example.com', status: 'confirmed' }]);
    const campaign = await createCampaign(t.deps, SHOP, CONTENT);
    await scheduleCampaign(t.deps, SHOP, campaign.id, new Date('2026-12-02T08:00:00.000Z'));
    expect((await runCampaignQueue(t.deps)).campaigns).toBe(0);
    expect((await readCampaign(t.deps.store, SHOP, campaign.id)).status).toBe('scheduled');

    t.clock.set('2026-12-02T08:00:01.000Z');
    const run = await runCampaignQueue(t.deps);
    expect(Object.values(run.outcomes)).toEqual(['sent']);
    await smtp.waitFor(1);
    expect((await runCampaignQueue(t.deps)).campaigns).toBe(0);
  });

  it('tracks opens and clicks only when the shop turns them on', async () => {
    await t.deps.store.set(`shops/${SHOP}/newsletter/settings`, {
      throttlePerSecond: 0,
      tracking: { opens: true, clicks: true },
    });
    await seedSubscribers(t.deps, [{ email: 'ana@example.com', status: 'confirmed' }]);
    const id = await startCampaign();
    await sendCampaign(t.deps, SHOP, id);
    const [mail] = await smtp.waitFor(1);
    const html = mail!.parsed.html || '';
    const pixel = new URL(/<img src="(https:[^"]+\/o\/[^"]+)"/.exec(html)![1]!);
    const click = new URL(/href="(https:[^"]+\/c\/[^"]+)"/.exec(html)![1]!);
    const app = publicApp(t.deps);

    expect((await app.request(pixel.pathname)).headers.get('content-type')).toBe('image/gif');
    await app.request(pixel.pathname);
    const redirect = await app.request(click.pathname);
    expect(redirect.status).toBe(302);
    expect(redirect.headers.get('location')).toBe('https://horno.example/es/');
    expect((await readCampaign(t.deps.store, SHOP, id)).stats).toMatchObject({
      opens: 1,
      clicks: 1,
    });
  });
});
