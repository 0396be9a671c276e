import { stringify } from 'csv-stringify/sync';
import type { Product } from '../../../shared/catalog/product.ts';
import type { StockLevel } from '../../../shared/catalog/stock.ts';
import type { Store } from '../../store/port.ts';
import { loadAllProducts } from '../products/product-store.ts';
import { stockPath } from '../products/save-product.ts';
import { markdownToHtml } from './html-markdown.ts';
import { absoluteMediaUrl } from './media-urls.ts';
import { type Column, EXPORT_HEADERS } from './shopify-columns.ts';

const money = (cents: number) => (cents / 100).toFixed(2);

function rowsOf(
  product: Product,
  stock: Map<string, StockLevel>,
  mediaBase: string,
): Partial<Record<Column, string>>[] {
  const rows: Partial<Record<Column, string>>[] = [];
  const names = product.options.length > 0 ? product.options.map((o) => o.name.es) : ['Title'];
  product.variants.forEach((variant, i) => {
    const values = product.options.length > 0 ? variant.optionValues : ['Default Title'];
    const row: Partial<Record<Column, string>> = {
      handle: product.slug,
      sku: variant.sku,
      price: money(variant.price),
      compareAtPrice: variant.compareAtPrice ? money(variant.compareAtPrice) : '',
      grams: String(variant.weightGrams ?? 0),
      barcode: variant.barcode ?? '',
      inventoryQty: String(stock.get(variant.sku)?.available ?? 0),
      inventoryPolicy: product.backorder === 'deny' ? 'deny' : 'continue',
    };
    values.forEach((value, n) => {
      row[`option${n + 1}Value` as Column] = value;
    });
    if (i === 0) {
      Object.assign(row, {
        title: product.title.es,
        body: markdownToHtml(product.description.es),
        vendor: '',
        type: product.collections[0] ?? '',
        tags: product.tags.join(', '),
        published: product.status === 'active' ? 'TRUE' : 'FALSE',
        status: product.status,
      });
      names.forEach((name, n) => {
        row[`option${n + 1}Name` as Column] = name;
      });
    }
    rows.push(row);
  });
  product.images.forEach((image, i) => {
    const target = rows[i] ?? { handle: product.slug };
    Object.assign(target, {
      imageSrc: absoluteMediaUrl(image.src, mediaBase),
      imagePosition: String(i + 1),
      imageAlt: image.alt.es,
    });
    if (!rows[i]) rows.push(target);
  });
  return rows;
}

/**
 * The shop's catalog as a Shopify product CSV (older headers), with stock quantities and
 * images as absolute URLs under `mediaBase` (see `siteMediaBase`).
 */
export async function exportShopifyCsv(
  store: Store,
  shopId: string,
  mediaBase: string,
): Promise<string> {
  const products = await loadAllProducts(store, shopId);
  const skus = products.flatMap((p) => p.variants.map((v) => v.sku));
  const stock = new Map<string, StockLevel>();
  for (let at = 0; at < skus.length; at += 500) {
    const snaps = await store.getAll<StockLevel>(
      skus.slice(at, at + 500).map((sku) => stockPath(shopId, sku)),
    );
    for (const snap of snaps) if (snap.data) stock.set(snap.id, snap.data);
  }
  const records = products.flatMap((p) => rowsOf(p, stock, mediaBase));
  return stringify([
    EXPORT_HEADERS.map((h) => h.header),
    ...records.map((r) => EXPORT_HEADERS.map((h) => r[h.column] ?? '')),
  ]);
}
