import { AppError, isAppError } from '../core/errors.ts';
import type { Deps } from '../deps.ts';
import type { ConnectionCheck } from './settings/odoo-settings.ts';
import {
  connectSettings,
  forgetOdooSessions,
  loadOdooSettings,
  recordCheck,
} from './settings/open-odoo-session.ts';
import { logSync } from './sync/sync-log.ts';

/**
 * The admin's "test connection" button: connects with the saved settings (version, login,
 * field sets), counts what the sync will touch, and saves the outcome as `lastCheck`.
 */
export async function testOdooConnection(deps: Deps, shopId: string) {
  const settings = await loadOdooSettings(deps, shopId);
  if (!settings) {
    throw new AppError('odoo_not_configured', {
      hint: 'Save the Odoo URL, database, login and API key first.',
    });
  }
  forgetOdooSessions(shopId);
  const at = deps.clock.now().toISOString();
  try {
    const { client, schema, transport } = await connectSettings(deps, settings);
    const products = await client.searchCount('product.product', [['default_code', '!=', false]]);
    const check: ConnectionCheck = {
      ok: true,
      at,
      version: schema.version.serie,
      transport,
    };
    await recordCheck(deps, shopId, check);
    await logSync(deps, shopId, 'test_connection', { version: check.version, transport, products });
    return { ...check, productsWithSku: products, storable: schema.storable };
  } catch (error) {
    if (isAppError(error)) {
      await recordCheck(deps, shopId, {
        ok: false,
        at,
        code: error.code,
        message: error.message,
        ...(error.hint ? { hint: error.hint } : {}),
      });
    }
    await logSync(deps, shopId, 'test_connection', {}, error);
    throw error;
  }
}
