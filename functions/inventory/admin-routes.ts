import type { Hono } from 'hono';
import { z } from 'zod';
import { Sku } from '../../shared/catalog/product.ts';
import { AppError } from '../core/errors.ts';
import type { Deps } from '../deps.ts';
import { parseWith, readJson, readQuery } from '../http/body.ts';
import type { AppEnv } from '../http/types.ts';
import { adjustStock } from './adjust-stock.ts';
import { ledgerCollection, stockPath } from './stock.ts';

const AdjustBody = z.strictObject({
  delta: z
    .number()
    .int()
    .min(-100_000)
    .max(100_000)
    .refine((d) => d !== 0, 'must not be 0'),
  reason: z.enum(['adjustment', 'production', 'return']),
  why: z.string().trim().min(1).max(200),
});
const LedgerQuery = z.object({ limit: z.coerce.number().int().min(1).max(200).default(50) });

/** Stock counts and the ledger under /api/admin/stock, scoped by the member's shop. */
export function registerInventoryAdminRoutes(app: Hono<AppEnv>, deps: Deps): void {
  app.post('/api/admin/stock/:sku/adjust', async (c) => {
    const member = c.get('member');
    const sku = parseWith(Sku, c.req.param('sku'), 'SKU');
    const body = await readJson(c, AdjustBody);
    const existing = await deps.store.get(stockPath(member.shopId, sku));
    if (!existing.exists) throw new AppError('not_found', { message: `No stock for SKU ${sku}.` });

    await deps.store.runTransaction((tx) =>
      adjustStock(
        tx,
        [
          {
            shopId: member.shopId,
            sku,
            delta: body.delta,
            reason: body.reason,
            who: member.userId,
            why: body.why,
          },
        ],
        deps.clock.now(),
      ),
    );
    return c.json((await deps.store.get(stockPath(member.shopId, sku))).data);
  });

  app.get('/api/admin/stock/:sku/ledger', async (c) => {
    const { shopId } = c.get('member');
    const sku = parseWith(Sku, c.req.param('sku'), 'SKU');
    const { limit } = readQuery(c, LedgerQuery);
    const stock = await deps.store.get(stockPath(shopId, sku));
    if (!stock.exists) throw new AppError('not_found', { message: `No stock for SKU ${sku}.` });

    const entries = await deps.store.query({
      collection: ledgerCollection(shopId),
      where: [{ field: 'sku', op: '==', value: sku }],
      orderBy: [{ field: 'at', direction: 'desc' }],
      limit,
    });
    return c.json({ entries: entries.map((e) => ({ id: e.id, ...e.data })) });
  });
}
