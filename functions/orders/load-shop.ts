import { ShopProfile } from '../../shared/catalog/shop.ts';
import { CheckoutRules } from '../../shared/pricing/checkout-rules.ts';
import { AppError } from '../core/errors.ts';
import type { Store } from '../store/port.ts';

export interface ShopForOrders {
  profile: ShopProfile;
  rules: CheckoutRules;
}

/** The shop document with its checkout rules (`settings.checkout`), validated. */
export async function loadShop(store: Store, shopId: string): Promise<ShopForOrders> {
  const snap = await store.get(`shops/${shopId}`);
  if (!snap.exists) {
    throw new AppError('not_found', { message: `There is no shop ${shopId}.` });
  }
  const profile = ShopProfile.parse(snap.data);
  const raw = (snap.data?.settings as { checkout?: unknown } | undefined)?.checkout;
  return { profile, rules: CheckoutRules.parse(raw ?? {}) };
}
