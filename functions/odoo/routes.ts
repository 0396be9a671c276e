import type { Hono } from 'hono';
import { z } from 'zod';
import { AppError } from '../core/errors.ts';
import type { Deps } from '../deps.ts';
import { readJson, readQuery } from '../http/body.ts';
import type { AppEnv } from '../http/types.ts';
import { retryDeadEvent } from '../outbox/drain-outbox.ts';
import { listOdooDeadLetters } from './dead-letters.ts';
import { ODOO_EVENTS } from './paths.ts';
import { enqueueOdooEvent } from './schedule-pulls.ts';
import { OdooSettingsInput, publicSettings } from './settings/odoo-settings.ts';
import { forgetOdooSessions, loadOdooSettings } from './settings/open-odoo-session.ts';
import { saveOdooSettings } from './settings/save-odoo-settings.ts';
import { listSyncLog } from './sync/sync-log.ts';
import { testOdooConnection } from './test-connection.ts';

const LogQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  after: z.string().max(64).optional(),
});

/**
 * `/api/admin/odoo/*`: connection settings, the test button, manual sync, the sync log and
 * the dead letters with their retry button. The shop always comes from the session.
 */
export function registerOdooAdminRoutes(app: Hono<AppEnv>, deps: Deps): void {
  const base = '/api/admin/odoo';

  app.get(`${base}/settings`, async (c) => {
    const settings = await loadOdooSettings(deps, c.get('member').shopId);
    return c.json({ settings: settings ? publicSettings(settings) : null });
  });

  app.put(`${base}/settings`, async (c) => {
    const shopId = c.get('member').shopId;
    const input = await readJson(c, OdooSettingsInput);
    const saved = await saveOdooSettings(deps, shopId, input);
    forgetOdooSessions(shopId);
    return c.json({ settings: publicSettings(saved) });
  });

  app.post(`${base}/test-connection`, async (c) => {
    return c.json(await testOdooConnection(deps, c.get('member').shopId));
  });

  app.post(`${base}/push-products`, async (c) => {
    const shopId = c.get('member').shopId;
    await requireSettings(deps, shopId);
    const eventId = await enqueueOdooEvent(deps, shopId, ODOO_EVENTS.pushProducts);
    return c.json({ eventId }, 202);
  });

  app.post(`${base}/pull`, async (c) => {
    const shopId = c.get('member').shopId;
    await requireSettings(deps, shopId);
    const eventId = await enqueueOdooEvent(deps, shopId, ODOO_EVENTS.pull, { full: true });
    return c.json({ eventId }, 202);
  });

  app.get(`${base}/log`, async (c) => {
    const query = readQuery(c, LogQuery);
    return c.json(await listSyncLog(deps, c.get('member').shopId, query));
  });

  app.get(`${base}/dead-letters`, async (c) => {
    return c.json({ deadLetters: await listOdooDeadLetters(deps, c.get('member').shopId) });
  });

  app.post(`${base}/dead-letters/:eventId/retry`, async (c) => {
    const shopId = c.get('member').shopId;
    const eventId = c.req.param('eventId');
    if (!/^[a-f0-9]{32}$/.test(eventId)) throw new AppError('not_found');
    await retryDeadEvent(deps, shopId, eventId);
    forgetOdooSessions(shopId);
    return c.json({ retried: eventId });
  });
}

async function requireSettings(deps: Deps, shopId: string): Promise<void> {
  const settings = await loadOdooSettings(deps, shopId);
  if (!settings?.enabled) {
    throw new AppError('odoo_not_configured', {
      hint: 'Save and enable the Odoo connection in the settings first.',
    });
  }
}
