import { isAppError } from '../core/errors.ts';
import type { Deps } from '../deps.ts';
import type { OutboxHandler, OutboxHandlers } from '../outbox/drain-outbox.ts';
import { ODOO_EVENTS } from './paths.ts';
import {
  forgetOdooSessions,
  openOdooSession,
  type ShopOdoo,
} from './settings/open-odoo-session.ts';
import { pullProduction } from './sync/pull-production.ts';
import { pullStock } from './sync/pull-stock.ts';
import { pushOrder } from './sync/push-order.ts';
import { pushProducts } from './sync/push-products.ts';
import { logSync, type SyncKind } from './sync/sync-log.ts';

/**
 * Runs one sync step for a shop with Odoo enabled (shops without finish the event at once),
 * writes its line in the sync log, and rethrows failures so the outbox retries them: network
 * and unexpected faults with backoff, credential and data errors straight to the dead letters.
 */
async function runLogged<T extends object>(
  deps: Deps,
  shopId: string,
  kind: SyncKind,
  step: (odoo: ShopOdoo) => Promise<T | undefined>,
  context: Record<string, unknown> = {},
  /** Runs that changed nothing are not logged (pulls run every five minutes). */
  quiet: (result: T | undefined) => boolean = () => false,
): Promise<void> {
  let odoo: ShopOdoo | undefined;
  try {
    odoo = await openOdooSession(deps, shopId);
    if (!odoo) return;
    const result = await step(odoo);
    if (quiet(result)) return;
    await logSync(deps, shopId, kind, { ...context, ...(result ?? { skipped: true }) });
  } catch (error) {
    // A key revoked in Odoo must not stay cached: the next event reconnects and says so.
    if (isAppError(error, 'odoo_auth_failed')) forgetOdooSessions(shopId);
    await logSync(deps, shopId, kind, context, error);
    throw error;
  }
}

const pushOrderHandler: OutboxHandler = async (event, deps) => {
  const orderId = String(event.payload.orderId);
  await runLogged(
    deps,
    event.shopId,
    'push_order',
    (o) => pushOrder(deps, event.shopId, orderId, o.session),
    { orderId },
  );
};

const pushProductsHandler: OutboxHandler = async (event, deps) => {
  await runLogged(deps, event.shopId, 'push_products', (o) =>
    pushProducts(deps, event.shopId, o.session),
  );
};

const pullHandler: OutboxHandler = async (event, deps) => {
  const full = event.payload.full === true;
  await runLogged(
    deps,
    event.shopId,
    'pull_stock',
    async (o) =>
      o.settings.stockMaster === 'odoo'
        ? pullStock(deps, event.shopId, o.session, o.settings, { full })
        : undefined,
    {},
    (r) => !full && (!r || r.adjusted.length === 0),
  );
  await runLogged(
    deps,
    event.shopId,
    'pull_production',
    (o) => pullProduction(deps, event.shopId, o.session),
    {},
    (r) => !full && (!r || r.finished === 0),
  );
};

export const odooOutboxHandlers: OutboxHandlers = {
  [ODOO_EVENTS.pushOrder]: pushOrderHandler,
  [ODOO_EVENTS.pushProducts]: pushProductsHandler,
  [ODOO_EVENTS.pull]: pullHandler,
};
