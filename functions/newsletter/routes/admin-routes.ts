import type { Hono } from 'hono';
import { z } from 'zod';
import { Locale } from '../../../shared/i18n/locale.ts';
import { CampaignContent, Segment } from '../../../shared/newsletter/campaign.ts';
import { NewsletterSettings } from '../../../shared/newsletter/settings.ts';
import { Tag } from '../../../shared/newsletter/subscriber.ts';
import { AppError } from '../../core/errors.ts';
import type { Deps } from '../../deps.ts';
import { readJson, readQuery } from '../../http/body.ts';
import type { AppEnv } from '../../http/types.ts';
import { controlCampaign, scheduleCampaign } from '../campaigns/control-campaign.ts';
import { countSegment } from '../campaigns/count-segment.ts';
import { draftNewProducts } from '../campaigns/draft-new-products.ts';
import { createCampaign, listCampaigns, updateCampaign } from '../campaigns/manage-campaign.ts';
import { previewCampaign, sendTestEmail } from '../campaigns/preview-campaign.ts';
import { settingsPath } from '../keys.ts';
import { readCampaign, readSubscriber } from '../read-docs.ts';
import { eraseSubscriber, subscriberData } from '../subscribe/subscriber-rights.ts';
import { tagSubscriber } from '../subscribers/edit-subscriber.ts';
import { exportSubscribers } from '../subscribers/export-subscribers.ts';
import { importSubscribers } from '../subscribers/import-subscribers.ts';
import { listSubscribers, SubscriberQuery } from '../subscribers/list-subscribers.ts';

const BASE = '/api/admin/newsletter';
const SubscriberId = z.string().regex(/^[0-9a-f]{32}$/);
const CampaignId = z.string().regex(/^[0-9a-f]{20}$/);
const MAX_CSV_BYTES = 2 * 1024 * 1024;
const MAX_CAMPAIGN_BYTES = 200 * 1024;

function param<S extends z.ZodType>(schema: S, value: string | undefined): z.infer<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new AppError('not_found');
  return parsed.data;
}

/**
 * Merchant newsletter endpoints. The shop is always the signed-in member's (`c.get('member')`,
 * set by the admin auth middleware); no shop id is read from a path or body.
 */
export function registerNewsletterAdminRoutes(app: Hono<AppEnv>, deps: Deps): void {
  const shop = (c: { get(key: 'member'): { shopId: string } }) => c.get('member').shopId;

  app.get(`${BASE}/subscribers`, async (c) => {
    const query = readQuery(c, SubscriberQuery);
    return c.json(await listSubscribers(deps, shop(c), query));
  });

  app.get(`${BASE}/subscribers/export`, async (c) => {
    const csv = await exportSubscribers(deps, shop(c));
    return c.body(csv, 200, {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': 'attachment; filename="subscribers.csv"',
    });
  });

  app.post(`${BASE}/subscribers/import`, async (c) => {
    if (!/^text\/csv\b/i.test(c.req.header('content-type') ?? '')) {
      throw new AppError('unsupported_media_type', { hint: 'Send the file as text/csv.' });
    }
    if (Number(c.req.header('content-length') ?? 0) > MAX_CSV_BYTES) {
      throw new AppError('payload_too_large');
    }
    const csv = await c.req.text();
    if (Buffer.byteLength(csv) > MAX_CSV_BYTES) throw new AppError('payload_too_large');
    return c.json(await importSubscribers(deps, shop(c), csv));
  });

  app.get(`${BASE}/subscribers/:id`, async (c) => {
    const id = param(SubscriberId, c.req.param('id'));
    const subscriber = await readSubscriber(deps.store, shop(c), id);
    if (!subscriber || subscriber.status === 'erased') throw new AppError('not_found');
    return c.json({ id, ...subscriberData(subscriber) });
  });

  app.patch(`${BASE}/subscribers/:id`, async (c) => {
    const id = param(SubscriberId, c.req.param('id'));
    const body = await readJson(
      c,
      z.strictObject({
        add: z.array(Tag).max(50).default([]),
        remove: z.array(Tag).max(50).default([]),
      }),
    );
    return c.json({ tags: await tagSubscriber(deps, shop(c), id, body) });
  });

  app.delete(`${BASE}/subscribers/:id`, async (c) => {
    await eraseSubscriber(deps, shop(c), param(SubscriberId, c.req.param('id')));
    return c.json({ status: 'erased' });
  });

  app.post(`${BASE}/segments/count`, async (c) => {
    const body = await readJson(c, z.strictObject({ segment: Segment }));
    return c.json({ count: await countSegment(deps, shop(c), body.segment) });
  });

  app.get(`${BASE}/campaigns`, async (c) =>
    c.json({ campaigns: await listCampaigns(deps, shop(c)) }),
  );

  app.post(`${BASE}/campaigns`, async (c) => {
    const content = await readJson(c, CampaignContent, MAX_CAMPAIGN_BYTES);
    return c.json(await createCampaign(deps, shop(c), content), 201);
  });

  app.post(`${BASE}/campaigns/preview`, async (c) => {
    const body = await readJson(
      c,
      z.strictObject({ content: CampaignContent, locale: Locale.default('es') }),
      MAX_CAMPAIGN_BYTES,
    );
    return c.json(await previewCampaign(deps, shop(c), body.content, body.locale));
  });

  app.post(`${BASE}/campaigns/draft-new-products`, async (c) => {
    const body = await readJson(c, z.strictObject({ days: z.number().int().min(1).max(365) }));
    return c.json(await draftNewProducts(deps, shop(c), body.days), 201);
  });

  app.get(`${BASE}/campaigns/:id`, async (c) => {
    const id = param(CampaignId, c.req.param('id'));
    return c.json(await readCampaign(deps.store, shop(c), id));
  });

  app.put(`${BASE}/campaigns/:id`, async (c) => {
    const id = param(CampaignId, c.req.param('id'));
    const content = await readJson(c, CampaignContent, MAX_CAMPAIGN_BYTES);
    return c.json(await updateCampaign(deps, shop(c), id, content));
  });

  app.post(`${BASE}/campaigns/:id/test`, async (c) => {
    const id = param(CampaignId, c.req.param('id'));
    const body = await readJson(
      c,
      z.strictObject({ to: z.string(), locale: Locale.default('es') }),
    );
    const campaign = await readCampaign(deps.store, shop(c), id);
    await sendTestEmail(deps, shop(c), campaign, body.locale, body.to);
    return c.json({ status: 'sent' });
  });

  app.post(`${BASE}/campaigns/:id/send`, async (c) => {
    const id = param(CampaignId, c.req.param('id'));
    const body = await readJson(c, z.strictObject({ at: z.iso.datetime().optional() }));
    const at = body.at ? new Date(body.at) : undefined;
    return c.json(await scheduleCampaign(deps, shop(c), id, at));
  });

  app.post(`${BASE}/campaigns/:id/:action{pause|resume|cancel}`, async (c) => {
    const id = param(CampaignId, c.req.param('id'));
    const action = c.req.param('action') as 'pause' | 'resume' | 'cancel';
    return c.json(await controlCampaign(deps, shop(c), id, action));
  });

  app.get(`${BASE}/settings`, async (c) => {
    const snap = await deps.store.get(settingsPath(shop(c)));
    return c.json(NewsletterSettings.parse(snap.data ?? {}));
  });

  app.put(`${BASE}/settings`, async (c) => {
    const settings = await readJson(c, NewsletterSettings);
    await deps.store.set(settingsPath(shop(c)), settings);
    return c.json(settings);
  });
}
