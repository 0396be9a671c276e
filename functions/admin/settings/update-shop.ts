import { ShopProfile } from '../../../shared/catalog/shop.ts';
import { AppError } from '../../core/errors.ts';
import type { Deps } from '../../deps.ts';

/**
 * Applies one settings section to the shop document and validates the whole result against
 * the storefront's schema, so a saved shop always builds.
 */
export async function updateShop(
  deps: Deps,
  shopId: string,
  change: (shop: ShopProfile) => ShopProfile,
): Promise<ShopProfile> {
  const path = `shops/${shopId}`;
  const saved = await deps.store.runTransaction(async (tx) => {
    const snap = await tx.get(path);
    if (!snap.exists) throw new AppError('not_found', { message: `There is no shop ${shopId}.` });
    const next = ShopProfile.safeParse(change(ShopProfile.parse(snap.data)));
    if (!next.success) {
      throw new AppError('validation_failed', {
        details: next.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
      });
    }
    tx.set(path, next.data);
    return next.data;
  });
  deps.log.info({ shopId }, 'shop settings updated');
  return saved;
}
