import { Order } from '../../../shared/orders/order.ts';
import type { Deps } from '../../deps.ts';
import { StockDoc, stockCollection } from '../../inventory/stock.ts';
import { applyStockMoves, loadStock, type StockMove } from '../../inventory/stock-moves.ts';
import { OUTBOX, OutboxEvent } from '../../outbox/event.ts';
import type { DocSnapshot } from '../../store/port.ts';
import type { OdooSession } from '../client/connect-odoo.ts';
import { ODOO_ACTOR, ODOO_EVENTS } from '../paths.ts';
import type { OdooSettingsDoc } from '../settings/odoo-settings.ts';
import { chunks, findProductsBySku } from './find-products.ts';

export interface PullStockResult {
  checked: number;
  adjusted: { sku: string; from: number; to: number }[];
  /** Kontá SKUs with no product in Odoo; their stock is left alone. */
  notInOdoo: string[];
}

/**
 * When Odoo owns stock: sets each SKU's `available` to Odoo's quantity minus what Kontá holds
 * that Odoo cannot know yet (reservations of unpaid checkouts, paid orders still waiting in
 * the outbox), writing one `adjustment` ledger entry per difference. A second run finds no
 * difference and writes nothing.
 */
export async function pullStock(
  deps: Deps,
  shopId: string,
  { client }: OdooSession,
  settings: Pick<OdooSettingsDoc, 'stockField'>,
): Promise<PullStockResult> {
  const skus = await allStockSkus(deps, shopId);
  const odoo = await findProductsBySku(client, skus, [settings.stockField]);
  const unpushed = await unpushedQuantities(deps, shopId);
  const result: PullStockResult = { checked: 0, adjusted: [], notInOdoo: [] };

  for (const part of chunks(skus, 100)) {
    const inOdoo = part.filter((sku) => odoo.has(sku));
    result.notInOdoo.push(...part.filter((sku) => !odoo.has(sku)));
    result.checked += inOdoo.length;
    const adjusted = await deps.store.runTransaction(async (tx) => {
      const stock = await loadStock(tx, shopId, inOdoo);
      const moves: StockMove[] = [];
      const changes: PullStockResult['adjusted'] = [];
      for (const sku of inOdoo) {
        const doc = stock.get(sku)?.doc;
        if (!doc) continue;
        const odooQty = Math.floor(Number(odoo.get(sku)![settings.stockField] ?? 0));
        const target = odooQty - doc.reserved - (unpushed.get(sku) ?? 0);
        if (target === doc.available) continue;
        moves.push({ kind: 'adjust', sku, delta: target - doc.available, reason: 'adjustment' });
        changes.push({ sku, from: doc.available, to: target });
      }
      applyStockMoves(tx, stock, moves, {
        shopId,
        who: ODOO_ACTOR,
        why: `Odoo ${settings.stockField}`,
        now: deps.clock.now(),
      });
      return changes;
    });
    result.adjusted.push(...adjusted);
  }
  deps.log.info({ shopId, adjusted: result.adjusted.length }, 'odoo stock pulled');
  return result;
}

async function allStockSkus(deps: Deps, shopId: string): Promise<string[]> {
  const skus: string[] = [];
  let startAfter: DocSnapshot | undefined;
  for (;;) {
    const page = await deps.store.query({
      collection: stockCollection(shopId),
      orderBy: [{ field: 'sku' }],
      limit: 500,
      ...(startAfter ? { startAfter } : {}),
    });
    skus.push(...page.map((s) => StockDoc.parse(s.data).sku));
    if (page.length < 500) return skus;
    startAfter = page.at(-1);
  }
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
