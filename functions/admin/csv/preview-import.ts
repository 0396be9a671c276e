import { randomBytes } from 'node:crypto';
import type { TaxClass } from '../../../shared/money/money.ts';
import type { Deps } from '../../deps.ts';
import { loadAllProducts } from '../products/product-store.ts';
import { type ImportDoc, importPath, saveCsvParts } from './import-docs.ts';
import { parseShopifyCsv } from './parse-shopify-csv.ts';

/**
 * The dry run: parses the file, counts what would be created and updated, and lists every
 * error by row. It stores the file for the apply step and changes no product or stock.
 */
export async function previewImport(
  deps: Deps,
  input: { shopId: string; userId: string; text: string; taxClass: TaxClass },
): Promise<ImportDoc> {
  const parsed = parseShopifyCsv(input.text, { taxClass: input.taxClass });
  const existing = new Set((await loadAllProducts(deps.store, input.shopId)).map((p) => p.slug));
  const updates = parsed.products.filter((p) => existing.has(p.input.slug!)).length;

  const id = `imp_${randomBytes(6).toString('hex')}`;
  const parts = await saveCsvParts(deps.store, input.shopId, id, input.text);
  const doc: ImportDoc = {
    id,
    status: 'previewed',
    headerSet: parsed.headerSet,
    taxClass: input.taxClass,
    parts,
    summary: {
      rows: parsed.rows,
      products: parsed.products.length,
      variants: parsed.products.reduce((n, p) => n + p.input.variants.length, 0),
      images: parsed.products.reduce((n, p) => n + p.images.length, 0),
      creates: parsed.products.length - updates,
      updates,
    },
    errors: parsed.errors.slice(0, 500),
    warnings: [],
    progress: { done: 0, total: parsed.products.length },
    createdBy: input.userId,
    createdAt: deps.clock.now().toISOString(),
  };
  await deps.store.set(importPath(input.shopId, id), doc);
  deps.log.info({ shopId: input.shopId, importId: id, ...doc.summary }, 'import previewed');
  return doc;
}
