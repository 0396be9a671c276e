import type { OdooClient, OdooRecord } from '../client/odoo-client.ts';

/** Odoo's `search_read` domains stay small enough for any proxy at this many SKUs. */
export const SKU_CHUNK = 200;

export function chunks<T>(items: readonly T[], size = SKU_CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** `product.product` records by `default_code` (= Kontá SKU), archived ones included. */
export async function findProductsBySku(
  client: OdooClient,
  skus: readonly string[],
  fields: string[],
  context?: Record<string, unknown>,
): Promise<Map<string, OdooRecord>> {
  const bySku = new Map<string, OdooRecord>();
  for (const part of chunks([...new Set(skus)])) {
    const found = await client.searchRead(
      'product.product',
      [['default_code', 'in', part]],
      ['default_code', ...fields],
      context ? { context } : {},
    );
    for (const record of found) bySku.set(String(record.default_code), record);
  }
  return bySku;
}
