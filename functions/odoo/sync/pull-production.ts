import { z } from 'zod';
import type { Deps } from '../../deps.ts';
import { completeTasks } from '../../production/tasks/complete-tasks.ts';
import type { OdooSession } from '../client/connect-odoo.ts';
import { ODOO_ACTOR, odooCursorsPath, orderLinksCollection } from '../paths.ts';

export interface PullProductionResult {
  finished: number;
  /** Kontá order numbers whose items became ready in this run. */
  itemsReady: { order: string; sku: string; mo: string }[];
}

const Cursors = z.object({ productionWriteDate: z.string().optional() }).loose();
const MO_PAGE = 200;

/**
 * Reads manufacturing orders that Odoo finished since the last run and marks the matching
 * Kontá order items ready. An MO belongs to an order through its `origin`, the sale order's
 * name that Odoo writes when the sale order's route makes it. The cursor is inclusive
 * (`write_date >=`), and marking an item ready twice is a no-op, so re-reads are harmless.
 */
export async function pullProduction(
  deps: Deps,
  shopId: string,
  { client }: OdooSession,
): Promise<PullProductionResult> {
  const cursorSnap = await deps.store.get(odooCursorsPath(shopId));
  const cursor = Cursors.parse(cursorSnap.data ?? {}).productionWriteDate ?? '1970-01-01 00:00:00';
  const mos = await client.searchRead(
    'mrp.production',
    [
      ['state', '=', 'done'],
      ['write_date', '>=', cursor],
    ],
    ['name', 'origin', 'product_id', 'write_date'],
    { order: 'write_date asc', limit: MO_PAGE },
  );
  const result: PullProductionResult = { finished: mos.length, itemsReady: [] };
  if (mos.length === 0) return result;

  const productIds = [...new Set(mos.map((mo) => m2oId(mo.product_id)).filter((id) => id > 0))];
  const products = await client.read('product.product', productIds, ['default_code']);
  const skuOf = new Map(products.map((p) => [p.id, String(p.default_code || '')]));

  for (const mo of mos) {
    const sku = skuOf.get(m2oId(mo.product_id));
    const origins = String(mo.origin || '')
      .split(',')
      .map((o) => o.trim())
      .filter(Boolean);
    for (const origin of origins) {
      const links = await deps.store.query({
        collection: orderLinksCollection(shopId),
        where: [{ field: 'odooName', op: '==', value: origin }],
        limit: 1,
      });
      const link = links[0]?.data as { orderId: string; number: string } | undefined;
      if (!link || !sku) continue;
      const done = await completeTasks(deps, {
        shopId,
        orderId: link.orderId,
        skus: [sku],
        who: ODOO_ACTOR,
        why: `Odoo ${String(mo.name)}`,
      });
      for (const s of done.completed) {
        result.itemsReady.push({ order: link.number, sku: s, mo: String(mo.name) });
      }
    }
  }
  const last = String(mos.at(-1)!.write_date);
  await deps.store.set(odooCursorsPath(shopId), { productionWriteDate: last }, { merge: true });
  return result;
}

function m2oId(value: unknown): number {
  return Array.isArray(value) ? Number(value[0]) : Number(value) || 0;
}
