import type { Hono } from 'hono';
import type { Deps } from '../../functions/deps.ts';
import { createApp } from '../../functions/http/app.ts';
import type { AppEnv } from '../../functions/http/types.ts';
import { odooOutboxHandlers } from '../../functions/odoo/events.ts';
import type { OdooSettingsInput } from '../../functions/odoo/settings/odoo-settings.ts';
import { saveOdooSettings } from '../../functions/odoo/settings/save-odoo-settings.ts';
import { drainOutbox, type OutboxHandlers } from '../../functions/outbox/drain-outbox.ts';
import { sendEmailHandler } from '../../functions/outbox/send-email.ts';
import { productionOutboxHandlers } from '../../functions/production/events.ts';
import { createTestDeps } from '../support/deps.ts';
import type { Standin } from '../support/odoo-standin/start-standin.ts';
import { seedShop } from './fixtures.ts';

/** Handlers the Odoo and production tests drain with; order emails are another domain's. */
export const testHandlers: OutboxHandlers = {
  ...odooOutboxHandlers,
  ...productionOutboxHandlers,
  'email.send': sendEmailHandler,
  'order.email': async () => {},
};

export function drain(deps: Deps, handlers: OutboxHandlers = testHandlers) {
  return drainOutbox(deps, handlers, { limit: 500 });
}

/** A shop connected to a stand-in. */
export async function odooShop(
  odoo: Standin,
  shopId: string,
  settings: Partial<OdooSettingsInput> = {},
  smtpUrl?: string,
) {
  const t = await createTestDeps(smtpUrl ? { smtpUrl } : {});
  await seedShop(t.deps, shopId);
  await saveOdooSettings(t.deps, shopId, {
    url: odoo.url,
    db: odoo.db,
    login: odoo.login,
    apiKey: odoo.apiKey,
    transport: 'auto',
    stockMaster: 'konta',
    stockField: 'free_qty',
    enabled: true,
    ...settings,
  });
  return t;
}

/** An admin app whose session middleware is replaced by a fixed member of `shopId`. */
export function adminAppFor(
  deps: Deps,
  shopId: string,
  register: (app: Hono<AppEnv>, deps: Deps) => void,
): Hono<AppEnv> {
  const app = createApp(deps.log);
  app.use('/api/admin/*', async (c, next) => {
    c.set('member', { userId: 'u1', shopId, role: 'owner' });
    await next();
  });
  register(app, deps);
  return app;
}
