import { parse } from 'csv-parse/sync';
import { Sku, type Variant } from '../../../shared/catalog/product.ts';
import { ProductInput, slugify } from '../products/product-input.ts';
import { htmlToMarkdown } from './html-markdown.ts';
import { type Column, mapHeaders } from './shopify-columns.ts';

export interface RowError {
  /** Spreadsheet row: the header is row 1, the first product row is row 2. */
  row: number;
  column?: string;
  message: string;
}

export interface ImportedImage {
  src: string;
  alt: string;
  position: number;
}

export interface ImportedProduct {
  handle: string;
  row: number;
  input: ProductInput;
  images: ImportedImage[];
  /** Quantity on hand per SKU, when the file has an inventory column. */
  stock: { sku: string; quantity: number }[];
}

export interface ParsedCsv {
  headerSet: 'older' | 'newer';
  products: ImportedProduct[];
  errors: RowError[];
  rows: number;
}

type Row = { cells: string[]; row: number };

const TRUE = new Set(['true', 'yes', '1', 'continue']);

export function parseCents(text: string): number | undefined {
  const m = /^(\d{1,9})(?:[.,](\d{1,2}))?$/.exec(text.trim());
  if (!m) return undefined;
  return Number(m[1]) * 100 + Number((m[2] ?? '0').padEnd(2, '0'));
}

/**
 * Reads a Shopify product export (older or newer headers) into product inputs grouped by
 * handle, without touching the store. Every problem is reported with its spreadsheet row; a
 * product with any error is left out of `products`.
 */
export function parseShopifyCsv(text: string, defaults: { taxClass: ProductInput['taxClass'] }) {
  let records: string[][];
  try {
    records = parse(text, { bom: true, relax_column_count: true, skip_empty_lines: true });
  } catch (error) {
    const line = (error as { lines?: number }).lines ?? 1;
    return failed(`The file is not valid CSV: ${(error as Error).message}`, line);
  }
  const [header, ...body] = records;
  if (!header) return failed('The file is empty.', 1);
  const { index, headerSet } = mapHeaders(header);
  if (index.handle === undefined || index.title === undefined) {
    return failed('The first row must hold Shopify headers, with Handle and Title.', 1);
  }

  const groups = new Map<string, Row[]>();
  const errors: RowError[] = [];
  body.forEach((cells, i) => {
    const row = i + 2;
    const handle = (cells[index.handle!] ?? '').trim();
    if (!handle) {
      errors.push({ row, column: 'Handle', message: 'The row has no handle.' });
      return;
    }
    groups.set(handle, [...(groups.get(handle) ?? []), { cells, row }]);
  });

  const products: ImportedProduct[] = [];
  const seenSkus = new Map<string, number>();
  for (const [handle, rows] of groups) {
    const result = readProduct(handle, rows, index, defaults, seenSkus);
    if ('errors' in result) errors.push(...result.errors);
    else products.push(result.product);
  }
  errors.sort((a, b) => a.row - b.row);
  return { headerSet, products, errors, rows: body.length } satisfies ParsedCsv;
}

function failed(message: string, row: number): ParsedCsv {
  return { headerSet: 'older', products: [], errors: [{ row, message }], rows: 0 };
}

function readProduct(
  handle: string,
  rows: Row[],
  index: Partial<Record<Column, number>>,
  defaults: { taxClass: ProductInput['taxClass'] },
  seenSkus: Map<string, number>,
): { product: ImportedProduct } | { errors: RowError[] } {
  const errors: RowError[] = [];
  const get = (r: Row, c: Column) => (index[c] === undefined ? '' : (r.cells[index[c]!] ?? ''));
  const first = rows[0]!;

  const optionNames = (['option1Name', 'option2Name', 'option3Name'] as const)
    .map((c) => get(first, c).trim())
    .filter(Boolean);
  const single = optionNames.length === 1 && optionNames[0] === 'Title';
  const names = single ? [] : optionNames;
  const valueColumns = (['option1Value', 'option2Value', 'option3Value'] as const).slice(
    0,
    names.length,
  );

  const variants: Variant[] = [];
  const stock: ImportedProduct['stock'] = [];
  const images: ImportedImage[] = [];
  for (const r of rows) {
    const imageSrc = get(r, 'imageSrc').trim();
    if (imageSrc) {
      const position = Number(get(r, 'imagePosition')) || images.length + 1;
      images.push({ src: imageSrc, alt: get(r, 'imageAlt').trim(), position });
    }
    const priceText = get(r, 'price').trim();
    const skuText = get(r, 'sku').trim();
    if (!priceText && !skuText && !get(r, 'option1Value').trim()) continue;

    const rowErrors = errors.length;
    const price = parseCents(priceText);
    if (price === undefined) {
      errors.push({
        row: r.row,
        column: 'Variant Price',
        message: `"${priceText}" is not a price.`,
      });
    }
    const optionValues = valueColumns.map((c) => get(r, c).trim());
    if (optionValues.some((v) => !v)) {
      errors.push({ row: r.row, column: 'Option Value', message: 'An option value is missing.' });
    }
    const sku = skuText || `${slugify(handle).toUpperCase().slice(0, 56)}-${variants.length + 1}`;
    if (!Sku.safeParse(sku).success) {
      errors.push({ row: r.row, column: 'Variant SKU', message: `SKU "${sku}" is not valid.` });
    } else if (seenSkus.has(sku)) {
      const other = seenSkus.get(sku);
      errors.push({
        row: r.row,
        column: 'Variant SKU',
        message: `SKU ${sku} is also on row ${other}.`,
      });
    }
    if (errors.length > rowErrors) continue;
    seenSkus.set(sku, r.row);

    const compareAt = parseCents(get(r, 'compareAtPrice'));
    const grams = Number.parseInt(get(r, 'grams'), 10);
    const barcode = get(r, 'barcode').trim();
    variants.push({
      sku,
      optionValues,
      price: price!,
      ...(compareAt ? { compareAtPrice: compareAt } : {}),
      ...(grams > 0 ? { weightGrams: grams } : {}),
      ...(barcode ? { barcode } : {}),
    });
    const quantity = get(r, 'inventoryQty').trim();
    if (quantity !== '') {
      const n = Number(quantity);
      if (Number.isInteger(n)) stock.push({ sku, quantity: n });
      else
        errors.push({ row: r.row, column: 'Inventory', message: `"${quantity}" is not a count.` });
    }
  }
  if (errors.length > 0) return { errors };
  if (variants.length === 0) {
    return { errors: [{ row: first.row, message: `Product ${handle} has no variant rows.` }] };
  }

  const statusText = get(first, 'status').trim().toLowerCase();
  const published = TRUE.has(get(first, 'published').trim().toLowerCase());
  const type = get(first, 'type').trim();
  const candidate = {
    slug: slugify(handle),
    status: ['active', 'draft', 'archived'].includes(statusText)
      ? statusText
      : published
        ? 'active'
        : 'draft',
    title: { es: get(first, 'title').trim() },
    description: { es: htmlToMarkdown(get(first, 'body')) },
    collections: type ? [slugify(type)] : [],
    tags: get(first, 'tags')
      .split(',')
      .map((t) => t.trim())
      .filter(Boolean),
    taxClass: defaults.taxClass,
    options: names.map((name, i) => ({
      name: { es: name },
      values: [...new Set(variants.map((v) => v.optionValues[i]!))],
    })),
    variants,
    backorder: TRUE.has(get(first, 'inventoryPolicy').trim().toLowerCase()) ? 'allow' : 'deny',
  };
  const parsed = ProductInput.safeParse(candidate);
  if (!parsed.success) {
    return {
      errors: parsed.error.issues.map((issue) => ({
        row: first.row,
        column: issue.path.join('.'),
        message: issue.message,
      })),
    };
  }
  images.sort((a, b) => a.position - b.position);
  return { product: { handle, row: first.row, input: parsed.data, images, stock } };
}
