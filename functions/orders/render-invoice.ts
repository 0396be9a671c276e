import type { ShopProfile } from '../../shared/catalog/shop.ts';
import type { Locale } from '../../shared/i18n/locale.ts';
import { formatMoney } from '../../shared/money/money.ts';
import type { Order } from '../../shared/orders/order.ts';
import { escapeHtml as e } from '../email/render-mjml.ts';

const TEXT = {
  es: {
    title: 'Factura simplificada',
    number: 'Número',
    date: 'Fecha',
    item: 'Concepto',
    qty: 'Cant.',
    unit: 'Precio (IVA incl.)',
    amount: 'Importe',
    shipping: 'Envío',
    rate: 'Tipo IVA',
    base: 'Base imponible',
    vat: 'Cuota IVA',
    total: 'Total',
    note: 'IVA incluido en los precios.',
  },
  en: {
    title: 'Simplified invoice',
    number: 'Number',
    date: 'Date',
    item: 'Item',
    qty: 'Qty',
    unit: 'Price (VAT incl.)',
    amount: 'Amount',
    shipping: 'Shipping',
    rate: 'VAT rate',
    base: 'Taxable base',
    vat: 'VAT',
    total: 'Total',
    note: 'Prices include VAT.',
  },
} as const;

/**
 * A printable simplified invoice (Spanish "factura simplificada", RD 1619/2012 art. 7): seller
 * name and tax id, number, date, items, and base and VAT per rate. Self-contained HTML.
 */
export function renderInvoice(order: Order, shop: ShopProfile, locale: Locale): string {
  const t = TEXT[locale];
  const money = (cents: number) => e(formatMoney(cents, 'EUR', locale));
  const date = (order.paidAt ?? order.createdAt).slice(0, 10);
  const rows = order.lines
    .map(
      (l) =>
        `<tr><td>${e(l.title)}${l.variantLabel ? ` (${e(l.variantLabel)})` : ''}</td><td class="n">${l.quantity}</td><td class="n">${money(l.unitPrice)}</td><td class="n">${l.taxRate}%</td><td class="n">${money(l.total)}</td></tr>`,
    )
    .join('\n');
  const shipping =
    order.totals.shipping > 0
      ? `<tr><td>${t.shipping}</td><td class="n">1</td><td class="n">${money(order.totals.shipping)}</td><td class="n">21%</td><td class="n">${money(order.totals.shipping)}</td></tr>`
      : '';
  const rates = order.totals.byRate
    .map(
      (r) =>
        `<tr><td>${r.rate}%</td><td class="n">${money(r.net)}</td><td class="n">${money(r.vat)}</td><td class="n">${money(r.total)}</td></tr>`,
    )
    .join('\n');
  const a = shop.address;
  return `<!doctype html>
<html lang="${locale}"><head><meta charset="utf-8"><title>${t.title} ${e(order.number)}</title>
<style>body{font:14px/1.4 system-ui,sans-serif;max-width:720px;margin:2rem auto;color:#111}
table{width:100%;border-collapse:collapse;margin:1rem 0}th,td{padding:.3rem;border-bottom:1px solid #ddd;text-align:left}
.n{text-align:right}@media print{body{margin:0}}</style></head>
<body>
<h1>${t.title}</h1>
<p><strong>${e(shop.legal.legalName)}</strong> · NIF ${e(shop.legal.taxId)}<br>${e(a.street)}, ${e(a.postalCode)} ${e(a.city)} (${e(a.country)})</p>
<p>${t.number}: <strong>${e(order.number)}</strong> · ${t.date}: ${e(date)}</p>
<table><thead><tr><th>${t.item}</th><th class="n">${t.qty}</th><th class="n">${t.unit}</th><th class="n">${t.rate}</th><th class="n">${t.amount}</th></tr></thead>
<tbody>
${rows}
${shipping}
</tbody></table>
<table><thead><tr><th>${t.rate}</th><th class="n">${t.base}</th><th class="n">${t.vat}</th><th class="n">${t.total}</th></tr></thead>
<tbody>
${rates}
</tbody>
<tfoot><tr><th>${t.total}</th><th class="n">${money(order.totals.byRate.reduce((s, r) => s + r.net, 0))}</th><th class="n">${money(order.totals.byRate.reduce((s, r) => s + r.vat, 0))}</th><th class="n">${money(order.totals.total)}</th></tr></tfoot></table>
<p>${t.note}</p>
</body></html>`;
}
