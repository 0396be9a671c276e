import type { ReplayClient } from './client.ts';
import { drainOutbox } from './orders.ts';

const BASE = '/api/admin/odoo';

export interface OdooPeer {
  url: string;
  db: string;
  login: string;
  apiKey: string;
}

/**
 * Connects the shop to Odoo the way the merchant does in the admin (settings, test
 * connection, first product push). Before the orders, so paid orders are pushed as they come.
 */
export async function connectOdoo(
  client: ReplayClient,
  admin: Record<string, string>,
  odoo: OdooPeer,
): Promise<Record<string, unknown>> {
  const saved = await client.request(`${BASE}/settings`, {
    method: 'PUT',
    headers: { ...admin, 'content-type': 'application/json' },
    body: JSON.stringify({ ...odoo, stockMaster: 'odoo' }),
  });
  const check = await client.json<{ ok: boolean }>(
    `${BASE}/test-connection`,
    {},
    { headers: admin },
  );
  await client.json(`${BASE}/push-products`, {}, { headers: admin });
  const handled = await drainOutbox(client);
  return { settings: saved.status, connected: check.data?.ok ?? false, handled };
}

/** The daily sync: a pull of stock and finished production, run through the outbox. */
export async function replayOdooSyncs(
  client: ReplayClient,
  admin: Record<string, string>,
  days: number,
): Promise<Record<string, unknown>> {
  let handled = 0;
  for (let day = 0; day < days; day++) {
    await client.json(`${BASE}/pull`, {}, { headers: admin });
    handled += await drainOutbox(client);
  }
  const log = await client.json<{ entries?: unknown[] }>(`${BASE}/log?limit=50`, undefined, {
    headers: admin,
  });
  const dead = await client.json<{ deadLetters?: unknown[] }>(`${BASE}/dead-letters`, undefined, {
    headers: admin,
  });
  return { syncs: days, handled, logEntries: log.data?.entries?.length, dead: dead.data };
}
