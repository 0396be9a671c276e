import { ShopProfile } from '../../../shared/catalog/shop.ts';
import { AppError } from '../../core/errors.ts';
import type { Deps } from '../../deps.ts';

export interface NewShop {
  id: string;
  name: string;
  contactEmail: string;
  plan?: 'catalog' | 'production';
}

/** Creates `shops/{id}` with a complete, valid profile the owner then edits in Settings. */
export async function createShop(deps: Pick<Deps, 'store' | 'clock'>, input: NewShop) {
  const profile = ShopProfile.parse({
    id: input.id,
    name: input.name,
    plan: input.plan ?? 'production',
    currency: 'EUR',
    locales: ['es', 'en'],
    defaultLocale: 'es',
    contactEmail: input.contactEmail,
    address: { street: '', city: '', postalCode: '', country: 'ES' },
    legal: { legalName: input.name, taxId: '' },
    theme: { primaryColor: '#1f4d3a', accentColor: '#c2410c' },
    settings: {},
    createdAt: deps.clock.now().toISOString(),
  });
  try {
    await deps.store.create(`shops/${profile.id}`, profile);
  } catch (error) {
    throw new AppError('already_exists', {
      message: `A shop with id ${profile.id} already exists.`,
      cause: error,
    });
  }
  return profile;
}

/** Every shop, by id, one page of `limit` after the cursor id. */
export async function listShops(deps: Pick<Deps, 'store'>, limit = 500) {
  const snaps = await deps.store.query({
    collection: 'shops',
    orderBy: [{ field: 'id' }],
    limit,
  });
  return snaps.map((s) => s.data as { id: string; name: string; plan: string; createdAt: string });
}
