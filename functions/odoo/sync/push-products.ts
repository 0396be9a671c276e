import { type Product, variantLabel } from '../../../shared/catalog/product.ts';
import { pick } from '../../../shared/i18n/locale.ts';
import { loadAllProducts } from '../../admin/products/product-store.ts';
import type { Deps } from '../../deps.ts';
import type { OdooSession } from '../client/connect-odoo.ts';
import { chunks, findProductsBySku } from './find-products.ts';

export interface PushProductsResult {
  created: string[];
  updated: string[];
  unchanged: number;
}

interface Wanted {
  sku: string;
  name: string;
  price: number;
}

/** One Odoo product per Kontá variant: name `Title (Size / Frame)`, gross price in euros. */
export function wantedProducts(products: readonly Product[]): Wanted[] {
  return products
    .filter((p) => p.status === 'active')
    .flatMap((p) =>
      p.variants.map((v) => {
        const label = variantLabel(v);
        const title = pick(p.title, 'es');
        return { sku: v.sku, name: label ? `${title} (${label})` : title, price: v.price / 100 };
      }),
    );
}

/**
 * Pushes active products to Odoo by `default_code` = SKU: missing ones are created storable
 * (100 per call), existing ones get the Kontá name and price when they differ. Running it again changes
 * nothing, so a retry never duplicates a product.
 */
export async function pushProducts(
  deps: Deps,
  shopId: string,
  { client, schema }: OdooSession,
): Promise<PushProductsResult> {
  const wanted = wantedProducts(await loadAllProducts(deps.store, shopId));
  const existing = await findProductsBySku(
    client,
    wanted.map((w) => w.sku),
    ['name', 'lst_price'],
  );
  const result: PushProductsResult = { created: [], updated: [], unchanged: 0 };

  const missing = wanted.filter((w) => !existing.has(w.sku));
  for (const part of chunks(missing, 100)) {
    const vals = part.map((w) => ({
      name: w.name,
      default_code: w.sku,
      lst_price: w.price,
      sale_ok: true,
      ...schema.storable,
    }));
    await client.createMany('product.product', vals);
    result.created.push(...part.map((w) => w.sku));
  }
  for (const w of wanted) {
    const current = existing.get(w.sku);
    if (!current) continue;
    if (current.name !== w.name || Number(current.lst_price) !== w.price) {
      await client.write('product.product', [current.id], { name: w.name, lst_price: w.price });
      result.updated.push(w.sku);
    } else {
      result.unchanged += 1;
    }
  }
  deps.log.info(
    { shopId, created: result.created.length, updated: result.updated.length },
    'odoo products pushed',
  );
  return result;
}
