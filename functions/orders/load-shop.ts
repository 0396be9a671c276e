import { z } from 'zod';
import { ShopProfile } from '../../shared/catalog/shop.ts';
import { CheckoutRules } from '../../shared/pricing/checkout-rules.ts';
import { AppError } from '../core/errors.ts';
import type { Store } from '../store/port.ts';
import { parseSnapshot } from './parse-cache.ts';

const ShopWithRules = z.unknown().transform((data, ctx) => {
  const profile = ShopProfile.safeParse(data);
  const raw = (data as { settings?: { checkout?: unknown } }).settings?.checkout;
  const rules = CheckoutRules.safeParse(raw ?? {});
  if (!profile.success || !rules.success) {
    ctx.addIssue({ code: 'custom', message: 'invalid shop document' });
    return z.NEVER;
  }
  return { profile: profile.data, rules: rules.data };
});

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
  const parsed = parseSnapshot(ShopWithRules, snap);
  if (!parsed) {
    throw new AppError('internal', {
      message: `The shop document of ${shopId} is not valid.`,
      hint: 'Save the shop settings again in the admin.',
    });
  }
  return parsed;
}
