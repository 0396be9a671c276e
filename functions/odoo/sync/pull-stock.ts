import { z } from 'zod';
import { Order } from '../../../shared/orders/order.ts';
import type { Deps } from '../../deps.ts';
import { applyStockMoves, loadStock, type StockMove } from '../../inventory/stock-moves.ts';
import { OUTBOX, OutboxEvent } from '../../outbox/event.ts';
import type { OdooSession } from '../client/connect-odoo.ts';
import { ODOO_ACTOR, ODOO_EVENTS, odooStockSnapshotPath } from '../paths.ts';
import type { OdooSettingsDoc } from '../settings/odoo-settings.ts';
import { chunks } from './find-products.ts';

export interface PullStockResult {
  /** SKUs whose Odoo quantity changed since the last pull (all of them on a full pull). */
  checked: number;
  adjusted: { sku: string; from: number; to: number }[];
}

/** Odoo quantities as last pulled: one document instead of one read per SKU every 5 minutes. */
const Snapshot = z.object({ field: z.string(), quantities: z.record(z.string(), z.number()) });

/**
 * When Odoo owns stock: sets `available` of each SKU whose Odoo quantity changed since the last
 * pull (every SKU when `full`) to that quantity minus what Kontá holds that Odoo cannot know
 * yet (reservations of checkouts in progress, paid orders still waiting in the outbox), with
 * one `adjustment` ledger entry per difference. A second run reads one document and writes
 * nothing.
 */
export async function pullStock(
  deps: Deps,
  shopId: string,
  { client }: OdooSession,
  settings: Pick<OdooSettingsDoc, 'stockField'>,
  options: { full?: boolean } = {},
): Promise<PullStockResult> {
  const field = settings.stockField;
  const records = await client.searchRead(
    'product.product',
    [['default_code', '!=', false]],
    ['default_code', field],
  );
  const quantities: Record<string, number> = {};
  for (const r of records) quantities[String(r.default_code)] = Math.floor(Number(r[field] ?? 0));

  const snapSnap = await deps.store.get(odooStockSnapshotPath(shopId));
  const previous = Snapshot.safeParse(snapSnap.data);
  const known = !options.full && previous.success && previous.data.field === field;
  const changed = Object.keys(quantities).filter(
    (sku) => !known || previous.data.quantities[sku] !== quantities[sku],
  );
  const result: PullStockResult = { checked: changed.length, adjusted: [] };
  if (changed.length === 0) return result;

  const unpushed = await unpushedQuantities(deps, shopId);
  for (const part of chunks(changed, 100)) {
    const adjusted = await deps.store.runTransaction(async (tx) => {
      const stock = await loadStock(tx, shopId, part);
      const moves: StockMove[] = [];
      const changes: PullStockResult['adjusted'] = [];
      for (const sku of part) {
        const doc = stock.get(sku)?.doc;
        if (!doc) continue;
        const target = quantities[sku]! - doc.reserved - (unpushed.get(sku) ?? 0);
        if (target === doc.available) continue;
        moves.push({ kind: 'adjust', sku, delta: target - doc.available, reason: 'adjustment' });
        changes.push({ sku, from: doc.available, to: target });
      }
      applyStockMoves(tx, stock, moves, {
        shopId,
        who: ODOO_ACTOR,
        why: `Odoo ${field}`,
        now: deps.clock.now(),
      });
      return changes;
    });
    result.adjusted.push(...adjusted);
  }
  await deps.store.set(odooStockSnapshotPath(shopId), { field, quantities });
  deps.log.info({ shopId, adjusted: result.adjusted.length }, 'odoo stock pulled');
  return result;
}

/** Units of paid orders whose push to Odoo is still pending or dead, by SKU. */
async function unpushedQuantities(deps: Deps, shopId: string): Promise<Map<string, number>> {
  const waiting = await deps.store.query({
    collection: OUTBOX,
    where: [
      { field: 'shopId', op: '==', value: shopId },
      { field: 'type', op: '==', value: ODOO_EVENTS.pushOrder },
      { field: 'status', op: 'in', value: ['pending', 'dead'] },
    ],
  });
  const orderIds = waiting.map((s) => String(OutboxEvent.parse(s.data).payload.orderId));
  const orders = await deps.store.getAll(orderIds.map((id) => `shops/${shopId}/orders/${id}`));
  const bySku = new Map<string, number>();
  for (const snap of orders) {
    const order = Order.safeParse(snap.data);
    if (!order.success) continue;
    for (const line of order.data.lines) {
      bySku.set(line.sku, (bySku.get(line.sku) ?? 0) + line.quantity);
    }
  }
  return bySku;
}
