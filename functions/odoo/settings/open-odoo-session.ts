import { isAppError } from '../../core/errors.ts';
import type { Deps } from '../../deps.ts';
import { connectOdoo, type OdooSession } from '../client/connect-odoo.ts';
import { odooSettingsPath } from '../paths.ts';
import { openApiKey } from './api-key-box.ts';
import { type ConnectionCheck, OdooSettingsDoc } from './odoo-settings.ts';

export interface ShopOdoo {
  settings: OdooSettingsDoc;
  session: OdooSession;
}

/** Sessions live for a few minutes per warm instance: connecting costs four calls. */
const SESSION_TTL_MS = 5 * 60_000;
const cache = new Map<string, { key: string; session: OdooSession; until: number }>();

export async function loadOdooSettings(
  deps: Deps,
  shopId: string,
): Promise<OdooSettingsDoc | undefined> {
  const snap = await deps.store.get(odooSettingsPath(shopId));
  return snap.exists ? OdooSettingsDoc.parse(snap.data) : undefined;
}

/**
 * Connects to the shop's Odoo, or returns undefined when the shop has no enabled connection
 * (its events then finish without doing anything). A failure to connect is recorded on the
 * settings as `lastCheck`, so the admin shows why, and rethrown.
 */
export async function openOdooSession(deps: Deps, shopId: string): Promise<ShopOdoo | undefined> {
  const settings = await loadOdooSettings(deps, shopId);
  if (!settings?.enabled) return undefined;

  const cacheKey = `${settings.updatedAt}:${settings.transport}`;
  const hit = cache.get(shopId);
  if (hit && hit.key === cacheKey && hit.until > Date.now()) {
    return { settings, session: hit.session };
  }
  try {
    const session = await connectSettings(deps, settings);
    cache.set(shopId, { key: cacheKey, session, until: Date.now() + SESSION_TTL_MS });
    return { settings, session };
  } catch (error) {
    if (isAppError(error) && error.code !== 'odoo_unavailable') {
      await recordCheck(deps, shopId, {
        ok: false,
        at: deps.clock.now().toISOString(),
        code: error.code,
        message: error.message,
        ...(error.hint ? { hint: error.hint } : {}),
      });
    }
    throw error;
  }
}

export function connectSettings(deps: Deps, settings: OdooSettingsDoc): Promise<OdooSession> {
  const apiKey = openApiKey(settings.apiKeySealed, deps.secretKey);
  return connectOdoo(
    { url: settings.url, db: settings.db, login: settings.login, apiKey },
    settings.transport,
  );
}

export async function recordCheck(deps: Deps, shopId: string, check: ConnectionCheck) {
  await deps.store.update(odooSettingsPath(shopId), { lastCheck: check });
}

/** Drops cached sessions (after a settings change, and between tests). */
export function forgetOdooSessions(shopId?: string): void {
  if (shopId) cache.delete(shopId);
  else cache.clear();
}
