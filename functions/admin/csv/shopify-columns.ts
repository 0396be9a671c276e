/**
 * Shopify product CSV columns under our names. Shopify renamed most columns in its newer
 * export ("Variant SKU" → "SKU", "Handle" → "URL handle"); both spellings map to one key.
 * Matching ignores case and surrounding spaces.
 */
export const COLUMNS = {
  handle: ['Handle', 'URL handle'],
  title: ['Title'],
  body: ['Body (HTML)', 'Description'],
  vendor: ['Vendor'],
  type: ['Type'],
  tags: ['Tags'],
  published: ['Published', 'Published on online store'],
  status: ['Status'],
  option1Name: ['Option1 Name'],
  option1Value: ['Option1 Value'],
  option2Name: ['Option2 Name'],
  option2Value: ['Option2 Value'],
  option3Name: ['Option3 Name'],
  option3Value: ['Option3 Value'],
  sku: ['Variant SKU', 'SKU'],
  grams: ['Variant Grams', 'Weight value (grams)'],
  inventoryQty: ['Variant Inventory Qty', 'Inventory quantity'],
  inventoryPolicy: ['Variant Inventory Policy', 'Continue selling when out of stock'],
  price: ['Variant Price', 'Price'],
  compareAtPrice: ['Variant Compare At Price', 'Compare-at price'],
  barcode: ['Variant Barcode', 'Barcode'],
  imageSrc: ['Image Src', 'Product image URL'],
  imagePosition: ['Image Position', 'Image position'],
  imageAlt: ['Image Alt Text', 'Image alt text'],
} as const;

export type Column = keyof typeof COLUMNS;

/** The header row we write on export: Shopify's older names, which every version imports. */
export const EXPORT_HEADERS: { column: Column; header: string }[] = (
  Object.keys(COLUMNS) as Column[]
).map((column) => ({ column, header: COLUMNS[column][0] }));

/** Index of each known column in a header row, and which naming the file uses. */
export function mapHeaders(headers: readonly string[]): {
  index: Partial<Record<Column, number>>;
  headerSet: 'older' | 'newer';
} {
  const normalized = headers.map((h) => h.trim().toLowerCase());
  const index: Partial<Record<Column, number>> = {};
  for (const column of Object.keys(COLUMNS) as Column[]) {
    const names = new Set<string>(COLUMNS[column].map((name) => name.toLowerCase()));
    const at = normalized.findIndex((h) => names.has(h));
    if (at >= 0) index[column] = at;
  }
  const headerSet = normalized.includes('url handle') ? 'newer' : 'older';
  return { index, headerSet };
}
