import { randomBytes } from 'node:crypto';
import { Product } from '../../../shared/catalog/product.ts';
import type { LedgerEntry, StockLevel } from '../../../shared/catalog/stock.ts';
import { AppError } from '../../core/errors.ts';
import type { Deps } from '../../deps.ts';
import type { MediaStorage } from '../../media/storage.ts';
import { loadAllProducts, productPath } from '../products/product-store.ts';
import { claimSkus, stockPath } from '../products/save-product.ts';
import { ImportDoc, importPath, loadCsvText } from './import-docs.ts';
import { ownMediaPath, siteMediaBase } from './media-urls.ts';
import { type ImportedProduct, parseShopifyCsv, type RowError } from './parse-shopify-csv.ts';
import { resolveImage } from './resolve-image.ts';

const PROGRESS_EVERY = 25;

/**
 * Applies a previewed import once: products are created or updated by handle, stock is set to
 * the file's quantities through ledger entries (reason `import`), images are fetched into the
 * shop's media. Progress is written every 25 products so the admin can poll it.
 */
export async function applyImport(
  deps: Deps,
  media: MediaStorage,
  input: { shopId: string; importId: string; userId: string; fetcher?: typeof fetch },
): Promise<ImportDoc> {
  const path = importPath(input.shopId, input.importId);
  const started = await deps.store.runTransaction(async (tx) => {
    const snap = await tx.get(path);
    if (!snap.exists) throw new AppError('not_found', { message: 'There is no such import.' });
    const doc = ImportDoc.parse(snap.data);
    if (doc.status !== 'previewed') {
      throw new AppError('conflict', { message: `This import is already ${doc.status}.` });
    }
    tx.update(path, { status: 'applying' });
    return doc;
  });

  const text = await loadCsvText(deps.store, input.shopId, input.importId, started.parts);
  const parsed = parseShopifyCsv(text, { taxClass: started.taxClass });
  const bySlug = new Map((await loadAllProducts(deps.store, input.shopId)).map((p) => [p.slug, p]));
  const mediaBase = await siteMediaBase(deps, input.shopId);
  const warnings: RowError[] = [];
  let done = 0;
  for (const item of parsed.products) {
    try {
      await writeProduct(
        deps,
        media,
        { ...input, mediaBase },
        item,
        bySlug.get(item.input.slug!),
        warnings,
      );
    } catch (error) {
      const message = error instanceof AppError ? error.message : 'The product could not be saved.';
      warnings.push({ row: item.row, message });
    }
    done += 1;
    if (done % PROGRESS_EVERY === 0) {
      await deps.store.update(path, { progress: { done, total: parsed.products.length } });
    }
  }

  const finished: ImportDoc = {
    ...started,
    status: 'applied',
    warnings: warnings.slice(0, 500),
    progress: { done, total: parsed.products.length },
    appliedAt: deps.clock.now().toISOString(),
  };
  await deps.store.set(path, finished);
  deps.log.info({ shopId: input.shopId, importId: input.importId, done }, 'import applied');
  return finished;
}

interface WriteInput {
  shopId: string;
  importId: string;
  userId: string;
  fetcher?: typeof fetch;
  mediaBase: string;
}

async function writeProduct(
  deps: Deps,
  media: MediaStorage,
  input: WriteInput,
  item: ImportedProduct,
  existing: Product | undefined,
  warnings: RowError[],
): Promise<void> {
  const images = [];
  for (const image of item.images) {
    const own = { ...image, src: ownMediaPath(image.src, input.mediaBase) };
    const result = await resolveImage(media, input.shopId, own, input.fetcher);
    if ('image' in result) images.push(result.image);
    else warnings.push({ row: item.row, message: result.problem });
  }

  const now = deps.clock.now().toISOString();
  const { expectedUpdatedAt: _unused, ...fields } = item.input;
  const product = Product.parse({
    ...fields,
    images: images.slice(0, 20),
    id: existing?.id ?? `p_${randomBytes(8).toString('hex')}`,
    createdAt: existing?.createdAt ?? now,
    updatedAt: now,
  });
  const quantities = new Map(item.stock.map((s) => [s.sku, s.quantity]));

  await deps.store.runTransaction(async (tx) => {
    const paths = product.variants.map((v) => stockPath(input.shopId, v.sku));
    const snaps = await tx.getAll<StockLevel>(paths);
    await claimSkus(tx, input.shopId, product, now);

    tx.set(productPath(input.shopId, product.id), product);
    snaps.forEach((snap, i) => {
      const sku = product.variants[i]!.sku;
      const current = snap.data;
      const target = quantities.get(sku) ?? current?.available ?? 0;
      const delta = target - (current?.available ?? 0);
      const level: StockLevel = {
        sku,
        productId: product.id,
        available: target,
        reserved: current?.reserved ?? 0,
        sold: current?.sold ?? 0,
        updatedAt: now,
      };
      tx.set(paths[i]!, { ...current, ...level });
      if (delta === 0) return;
      const entry: LedgerEntry = {
        sku,
        delta,
        reason: 'import',
        who: input.userId,
        why: `CSV import ${input.importId}`,
        at: now,
      };
      tx.create(`shops/${input.shopId}/ledger/${randomBytes(10).toString('hex')}`, entry);
    });
  });
}
