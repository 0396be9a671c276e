import { Product } from '../../../shared/catalog/product.ts';
import type { Block, Campaign } from '../../../shared/newsletter/campaign.ts';
import { AppError } from '../../core/errors.ts';
import type { Deps } from '../../deps.ts';
import { createCampaign } from './manage-campaign.ts';

/**
 * A draft announcing active products created or changed in the last `days` days (newest
 * first, at most six cards), for the merchant to edit before sending.
 */
export async function draftNewProducts(
  deps: Deps,
  shopId: string,
  days: number,
): Promise<Campaign> {
  const since = new Date(deps.clock.now().getTime() - days * 86_400_000).toISOString();
  const snaps = await deps.store.query({
    collection: `shops/${shopId}/products`,
    where: [{ field: 'updatedAt', op: '>=', value: since }],
    orderBy: [{ field: 'updatedAt', direction: 'desc' }],
    limit: 50,
  });
  const products = snaps
    .map((s) => Product.safeParse(s.data))
    .flatMap((p) => (p.success && p.data.status === 'active' ? [p.data] : []))
    .slice(0, 6);
  if (products.length === 0) {
    throw new AppError('not_found', {
      message: `No product was added or changed in the last ${days} days.`,
      hint: 'Choose a longer period or compose the campaign by hand.',
    });
  }

  const blocks: Block[] = [
    { type: 'heading', text: { es: 'Novedades en la tienda', en: 'New in the shop' } },
    {
      type: 'text',
      markdown: {
        es: 'Esto es lo último que hemos preparado. ¡Esperamos que te guste!',
        en: 'Here is what we made lately. We hope you like it!',
      },
    },
    { type: 'products', productIds: products.map((p) => p.id) },
  ];
  return createCampaign(deps, shopId, {
    name: `Novedades ${deps.clock.now().toISOString().slice(0, 10)}`,
    subject: { es: 'Novedades en la tienda', en: 'New in the shop' },
    blocks,
    segment: { kind: 'all' },
  });
}
