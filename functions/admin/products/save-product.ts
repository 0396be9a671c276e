import { randomBytes } from 'node:crypto';
import { Product } from '../../../shared/catalog/product.ts';
import type { StockLevel } from '../../../shared/catalog/stock.ts';
import { AppError } from '../../core/errors.ts';
import type { Deps } from '../../deps.ts';
import type { Transaction } from '../../store/port.ts';
import { type ProductInput, slugify } from './product-input.ts';
import { productPath, slugTaken } from './product-store.ts';

export const stockPath = (shopId: string, sku: string) => `shops/${shopId}/stock/${sku}`;

function checkVariants(product: Product): void {
  const skus = product.variants.map((v) => v.sku);
  const dup = skus.find((s, i) => skus.indexOf(s) !== i);
  if (dup) throw new AppError('validation_failed', { message: `SKU ${dup} is used twice.` });
  const wrong = product.variants.find((v) => v.optionValues.length !== product.options.length);
  if (wrong) {
    throw new AppError('validation_failed', {
      message: `Variant ${wrong.sku} needs one value per option (${product.options.length}).`,
    });
  }
}

/**
 * Claims each SKU for this product, inside `tx`: a stock document at zero is created for a new
 * SKU; a SKU whose stock belongs to another existing product is refused; the stock of a deleted
 * product passes to this one, counts kept. Reads happen here; the returned function writes
 * (Firestore wants every read before the first write).
 */
export async function claimSkus(
  tx: Transaction,
  shopId: string,
  product: Pick<Product, 'id' | 'variants'>,
  now: string,
): Promise<() => void> {
  const paths = product.variants.map((v) => stockPath(shopId, v.sku));
  const snaps = await tx.getAll<StockLevel>(paths);
  const others = [
    ...new Set(
      snaps
        .filter((s) => s.exists && s.data?.productId !== product.id)
        .map((s) => s.data!.productId),
    ),
  ];
  const owners = await tx.getAll(others.map((id) => productPath(shopId, id)));
  const live = new Set(owners.filter((o) => o.exists).map((o) => o.id));
  const taken = snaps.find((s) => s.exists && live.has(s.data!.productId));
  if (taken) {
    throw new AppError('conflict', {
      message: `SKU ${taken.id} already belongs to another product.`,
      hint: 'Give this variant a different SKU.',
    });
  }
  return () =>
    snaps.forEach((snap, i) => {
      if (snap.exists) {
        if (snap.data!.productId !== product.id) {
          tx.update(paths[i]!, { productId: product.id, updatedAt: now });
        }
        return;
      }
      const level: StockLevel = {
        sku: product.variants[i]!.sku,
        productId: product.id,
        available: 0,
        reserved: 0,
        sold: 0,
        updatedAt: now,
      };
      tx.create(paths[i]!, level);
    });
}

async function uniqueSlug(deps: Deps, shopId: string, wanted: string, id: string) {
  let slug = wanted;
  for (let n = 2; await slugTaken(deps.store, shopId, slug, id); n += 1) {
    slug = `${wanted.slice(0, 110)}-${n}`;
  }
  return slug;
}

/** Creates a product in the member's shop; returns it with its id. */
export async function createProduct(deps: Deps, shopId: string, input: ProductInput) {
  const { expectedUpdatedAt: _ignored, ...fields } = input;
  const now = deps.clock.now().toISOString();
  const id = `p_${randomBytes(8).toString('hex')}`;
  const slug = await uniqueSlug(deps, shopId, input.slug ?? slugify(input.title.es), id);
  const product = Product.parse({ ...fields, id, slug, createdAt: now, updatedAt: now });
  checkVariants(product);

  await deps.store.runTransaction(async (tx) => {
    const writeStock = await claimSkus(tx, shopId, product, now);
    tx.create(productPath(shopId, id), product);
    writeStock();
  });
  deps.log.info({ shopId, productId: id }, 'product created');
  return product;
}

/** Replaces a product's editable fields; refuses when someone saved it in between. */
export async function updateProduct(deps: Deps, shopId: string, id: string, input: ProductInput) {
  const { expectedUpdatedAt, ...fields } = input;
  const now = deps.clock.now().toISOString();
  if (fields.slug && (await slugTaken(deps.store, shopId, fields.slug, id))) {
    throw new AppError('conflict', { message: `Another product already uses /${fields.slug}.` });
  }

  const saved = await deps.store.runTransaction(async (tx) => {
    const snap = await tx.get(productPath(shopId, id));
    if (!snap.exists) {
      throw new AppError('not_found', { message: `There is no product ${id} in this shop.` });
    }
    const current = Product.parse(snap.data);
    if (expectedUpdatedAt && expectedUpdatedAt !== current.updatedAt) {
      throw new AppError('conflict', { hint: 'Reload the product and apply your changes again.' });
    }
    const product = Product.parse({
      ...fields,
      id,
      slug: fields.slug ?? current.slug,
      createdAt: current.createdAt,
      updatedAt: now,
    });
    checkVariants(product);
    const writeStock = await claimSkus(tx, shopId, product, now);
    tx.set(productPath(shopId, id), product);
    writeStock();
    return product;
  });
  deps.log.info({ shopId, productId: id }, 'product updated');
  return saved;
}
