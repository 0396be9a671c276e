import type { Order } from '../../../shared/orders/order.ts';
import { AppError } from '../../core/errors.ts';
import type { Deps } from '../../deps.ts';
import { loadOrder } from '../../orders/order-paths.ts';
import type { OdooSession } from '../client/connect-odoo.ts';
import type { OdooClient } from '../client/odoo-client.ts';
import { orderLinkPath } from '../paths.ts';
import { findProductsBySku } from './find-products.ts';

export interface PushOrderResult {
  number: string;
  odooId: number;
  odooName: string;
  /** False when the order was already in Odoo (a retry after a lost response). */
  created: boolean;
}

/** Firm orders go to Odoo: paid ones, and pay-on-pickup ones as soon as they are placed. */
const FIRM = new Set(['paid', 'in_production', 'ready_for_pickup', 'shipped', 'completed']);
const ODOO_LANG = { es: 'es_ES', en: 'en_US' } as const;

/**
 * Pushes a paid order as a confirmed `sale.order`. The Kontá number is the order's
 * `client_order_ref` and is looked up first, so a retry after a timeout or a lost response
 * confirms the existing order instead of creating a second one.
 */
export async function pushOrder(
  deps: Deps,
  shopId: string,
  orderId: string,
  { client, schema }: OdooSession,
): Promise<PushOrderResult | undefined> {
  const order = await loadOrder(deps.store, shopId, orderId);
  const firm =
    FIRM.has(order.status) ||
    (order.status === 'pending_payment' && order.payment.method === 'pay_on_pickup');
  if (!firm) return undefined;

  const [existing] = await client.searchRead(
    'sale.order',
    [['client_order_ref', '=', order.number]],
    ['name', 'state'],
    { limit: 1 },
  );
  let odooId = existing?.id;
  let odooName = existing ? String(existing.name) : '';
  if (!existing) {
    const partnerId = await findOrCreatePartner(client, order);
    const lines = await orderLines(client, order, schema.lineUomField);
    odooId = await client.create('sale.order', {
      partner_id: partnerId,
      client_order_ref: order.number,
      origin: `Kontá ${order.number}`,
      order_line: lines,
    });
  }
  if (!existing || existing.state === 'draft' || existing.state === 'sent') {
    await client.action('sale.order', 'action_confirm', [odooId!]);
  }
  const [confirmed] = await client.read('sale.order', [odooId!], ['name', 'state']);
  odooName = String(confirmed?.name ?? odooName);

  await deps.store.set(orderLinkPath(shopId, orderId), {
    orderId,
    number: order.number,
    odooId: odooId!,
    odooName,
    state: String(confirmed?.state ?? ''),
    pushedAt: deps.clock.now().toISOString(),
  });
  return { number: order.number, odooId: odooId!, odooName, created: !existing };
}

async function findOrCreatePartner(client: OdooClient, order: Order): Promise<number> {
  const email = order.customer.email.toLowerCase();
  // `=ilike` is SQL ILIKE: escape its wildcards, `_` being common in addresses.
  const pattern = email.replace(/[\\%_]/g, '\\$&');
  const [partner] = await client.searchRead('res.partner', [['email', '=ilike', pattern]], ['id'], {
    limit: 1,
  });
  if (partner) return partner.id;
  return client.create('res.partner', {
    name: order.customer.name,
    email,
    ...(order.customer.phone ? { phone: order.customer.phone } : {}),
    lang: ODOO_LANG[order.customer.locale],
    customer_rank: 1,
  });
}

/** One `(0, 0, vals)` command per line; refuses the order if a SKU is not in Odoo. */
async function orderLines(client: OdooClient, order: Order, uomField: string) {
  const skus = order.lines.map((l) => l.sku);
  const products = await findProductsBySku(client, skus, ['uom_id']);
  const missing = [...new Set(skus.filter((sku) => !products.has(sku)))];
  if (missing.length > 0) {
    throw new AppError('odoo_product_missing', {
      message: `Order ${order.number} cannot go to Odoo: no product with Internal Reference ${missing.join(', ')}.`,
      hint: 'Push the products to Odoo from the sync page (or create them there with that Internal Reference), then retry the order.',
      details: { orderNumber: order.number, skus: missing },
    });
  }
  return order.lines.map((line) => {
    const product = products.get(line.sku)!;
    const uom = Array.isArray(product.uom_id) ? product.uom_id[0] : undefined;
    return [
      0,
      0,
      {
        product_id: product.id,
        product_uom_qty: line.quantity,
        price_unit: line.unitPrice / 100,
        ...(uom ? { [uomField]: uom } : {}),
      },
    ];
  });
}
