import { createHash } from 'node:crypto';
import { ShopProfile } from '../../../shared/catalog/shop.ts';
import { isAppError } from '../../core/errors.ts';
import type { Deps } from '../../deps.ts';
import type { MailMessage } from '../../email/mailer.ts';
import { enqueue } from '../../outbox/enqueue.ts';
import type { DocSnapshot } from '../../store/port.ts';
import { renderProductionEmail } from '../email/render-production-email.ts';
import { fill } from '../email/texts.ts';
import { findLowStock, type LowStock } from './find-low-stock.ts';

/**
 * The daily job: for every shop on the production plan, one digest of SKUs at or below their
 * reorder point to the merchant, and one purchase request per supplier whose ingredients are
 * low and who accepts requests. Keys carry the UTC date, so a second run that day sends nothing.
 */
export async function sendLowStockDigests(
  deps: Deps,
): Promise<{ digests: number; requests: number }> {
  const totals = { digests: 0, requests: 0 };
  let startAfter: DocSnapshot | undefined;
  for (;;) {
    const page = await deps.store.query({
      collection: 'shops',
      orderBy: [{ field: 'id' }],
      limit: 100,
      ...(startAfter ? { startAfter } : {}),
    });
    for (const snap of page) {
      const shop = ShopProfile.safeParse(snap.data);
      if (!shop.success || shop.data.plan !== 'production') continue;
      const sent = await digestForShop(deps, shop.data);
      totals.digests += sent.digests;
      totals.requests += sent.requests;
    }
    if (page.length < 100) return totals;
    startAfter = page.at(-1);
  }
}

export async function digestForShop(deps: Deps, shop: ShopProfile) {
  const low = await findLowStock(deps, shop.id);
  const sent = { digests: 0, requests: 0 };
  if (low.length === 0) return sent;
  const day = deps.clock.now().toISOString().slice(0, 10);
  const locale = shop.defaultLocale;

  const digest = await renderProductionEmail({
    locale,
    shopName: shop.name,
    subject: fill(locale, 'digestSubject', { count: low.length, shop: shop.name }),
    paragraphs: [fill(locale, 'digestIntro')],
    list: low.map((l) =>
      fill(locale, 'digestLine', {
        sku: l.sku,
        name: l.name,
        available: l.available,
        reorderPoint: l.reorderPoint,
      }),
    ),
  });
  const message = { from: deps.config.mailFrom, to: shop.contactEmail, ...digest };
  if (await enqueueMail(deps, shop.id, `low-stock:${day}`, message)) sent.digests += 1;

  for (const [email, items] of bySupplier(low)) {
    const supplier = items[0]!.ingredient!.supplier!;
    const request = await renderProductionEmail({
      locale: supplier.locale,
      shopName: shop.name,
      subject: fill(supplier.locale, 'purchaseSubject', { shop: shop.name }),
      paragraphs: [
        fill(supplier.locale, 'purchaseIntro', { supplier: supplier.name, shop: shop.name }),
      ],
      list: items.map((l) =>
        fill(supplier.locale, 'purchaseLine', {
          name: l.name,
          sku: l.sku,
          quantity: l.ingredient!.reorderQuantity ?? l.reorderPoint,
          unit: l.ingredient!.unit,
        }),
      ),
      closing: fill(supplier.locale, 'purchaseOutro'),
    });
    const mail = { from: deps.config.mailFrom, to: email, replyTo: shop.contactEmail, ...request };
    const supplierKey = createHash('sha256').update(email).digest('hex').slice(0, 16);
    if (await enqueueMail(deps, shop.id, `purchase:${day}:${supplierKey}`, mail)) {
      sent.requests += 1;
    }
  }
  return sent;
}

function bySupplier(low: LowStock[]): Map<string, LowStock[]> {
  const groups = new Map<string, LowStock[]>();
  for (const item of low) {
    const supplier = item.ingredient?.supplier;
    if (!supplier || !item.ingredient?.purchaseRequests) continue;
    groups.set(supplier.email, [...(groups.get(supplier.email) ?? []), item]);
  }
  return groups;
}

/** False when today's message was already enqueued. */
async function enqueueMail(deps: Deps, shopId: string, key: string, message: MailMessage) {
  const now = deps.clock.now();
  try {
    await deps.store.runTransaction(async (tx) =>
      enqueue(tx, { type: 'email.send', shopId, key, payload: { message } }, now),
    );
    return true;
  } catch (error) {
    if (isAppError(error, 'already_exists')) return false;
    throw error;
  }
}
