import type { Hono } from 'hono';
import { z } from 'zod';
import { variantLabel } from '../../../shared/catalog/product.ts';
import type { Deps } from '../../deps.ts';
import { readQuery } from '../../http/body.ts';
import type { AppEnv } from '../../http/types.ts';
import type { DocSnapshot } from '../../store/port.ts';
import { loadAllProducts } from '../products/product-store.ts';

interface StockRow {
  sku: string;
  productId: string;
  product: string;
  variant: string;
  available: number;
  reserved: number;
  sold: number;
  reorderPoint: number | null;
}

const LevelsQuery = z.object({ q: z.string().max(100).optional() });
const LedgerQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  after: z.string().max(64).optional(),
});

/**
 * Read views the inventory screen needs beside the inventory domain's own routes
 * (`/api/admin/stock/:sku/adjust`, `/api/admin/stock/:sku/ledger`): every SKU's level with its
 * product and variant, and the shop-wide ledger, newest first.
 */
export function registerInventoryViewRoutes(app: Hono<AppEnv>, deps: Deps): void {
  app.get('/api/admin/inventory', async (c) => {
    const { shopId } = c.get('member');
    const { q } = readQuery(c, LevelsQuery);
    const products = await loadAllProducts(deps.store, shopId);
    const skus = products.flatMap((p) => p.variants.map((v) => ({ p, v })));
    const levels: StockRow[] = [];
    for (let at = 0; at < skus.length; at += 500) {
      const chunk = skus.slice(at, at + 500);
      const snaps = await deps.store.getAll(chunk.map(({ v }) => `shops/${shopId}/stock/${v.sku}`));
      snaps.forEach((snap, i) => {
        const { p, v } = chunk[i]!;
        const s = (snap.data ?? {}) as Record<string, number | undefined>;
        levels.push({
          sku: v.sku,
          productId: p.id,
          product: p.title.es,
          variant: variantLabel(v),
          available: s.available ?? 0,
          reserved: s.reserved ?? 0,
          sold: s.sold ?? 0,
          reorderPoint: s.reorderPoint ?? null,
        });
      });
    }
    const needle = q?.toLowerCase();
    const hits = needle
      ? levels.filter((l) => `${l.sku} ${l.product} ${l.variant}`.toLowerCase().includes(needle))
      : levels;
    return c.json({ levels: hits });
  });

  app.get('/api/admin/inventory/ledger', async (c) => {
    const { shopId } = c.get('member');
    const { limit, after } = readQuery(c, LedgerQuery);
    let startAfter: DocSnapshot | undefined;
    if (after) {
      const snap = await deps.store.get(`shops/${shopId}/ledger/${after}`);
      if (snap.exists) startAfter = snap;
    }
    const snaps = await deps.store.query({
      collection: `shops/${shopId}/ledger`,
      orderBy: [{ field: 'at', direction: 'desc' }],
      limit,
      ...(startAfter ? { startAfter } : {}),
    });
    return c.json({
      entries: snaps.map((s) => ({ id: s.id, ...s.data })),
      next: snaps.length === limit ? snaps.at(-1)!.id : null,
    });
  });
}
