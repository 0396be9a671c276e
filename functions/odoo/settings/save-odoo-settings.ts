import { AppError } from '../../core/errors.ts';
import type { Deps } from '../../deps.ts';
import { ODOO_SHOPS, odooSettingsPath } from '../paths.ts';
import { sealApiKey } from './api-key-box.ts';
import { OdooSettingsDoc, type OdooSettingsInput } from './odoo-settings.ts';

/**
 * Saves a shop's Odoo connection and its entry in the platform index in one transaction.
 * A new key replaces the sealed one; without one the saved key is kept.
 */
export async function saveOdooSettings(
  deps: Deps,
  shopId: string,
  input: OdooSettingsInput,
): Promise<OdooSettingsDoc> {
  const path = odooSettingsPath(shopId);
  const now = deps.clock.now().toISOString();

  return deps.store.runTransaction(async (tx) => {
    const snap = await tx.get(path);
    const current = snap.exists ? OdooSettingsDoc.parse(snap.data) : undefined;
    const apiKeySealed = input.apiKey
      ? sealApiKey(input.apiKey, deps.secretKey)
      : current?.apiKeySealed;
    if (!apiKeySealed) {
      throw new AppError('validation_failed', {
        message: 'The Odoo API key is required the first time.',
        details: [{ path: 'apiKey', message: 'required' }],
        hint: 'Create one in Odoo under Preferences → Account Security → New API Key.',
      });
    }
    const { apiKey: _key, ...rest } = input;
    const doc: OdooSettingsDoc = { ...rest, apiKeySealed, updatedAt: now };
    tx.set(path, doc);
    tx.set(`${ODOO_SHOPS}/${shopId}`, { shopId, enabled: doc.enabled, updatedAt: now });
    return doc;
  });
}
