import type { ShopProfile } from '../../../shared/catalog/shop.ts';
import type { Locale } from '../../../shared/i18n/locale.ts';
import { formatMoney } from '../../../shared/money/money.ts';
import type { Order } from '../../../shared/orders/order.ts';
import { escapeHtml, renderMjml } from '../../email/render-mjml.ts';
import type { OrderEmailKind } from '../order-events.ts';
import { EMAIL_TEXTS } from './texts.ts';

export interface OrderEmailInput {
  order: Order;
  shop: ShopProfile;
  kind: OrderEmailKind;
  locale: Locale;
  statusUrl: string;
}

export interface RenderedEmail {
  subject: string;
  html: string;
  text: string;
}

/** Only http(s) links reach an email; anything else is dropped. */
function safeUrl(url: string | undefined): string | undefined {
  return url && /^https?:\/\//i.test(url) ? url : undefined;
}

/** An order email (customer or merchant) in the given language, from MJML, with a text part. */
export async function renderOrderEmail(input: OrderEmailInput): Promise<RenderedEmail> {
  const { order, shop, kind, locale } = input;
  const t = EMAIL_TEXTS[locale];
  const label = t.labels;
  const money = (cents: number) => formatMoney(cents, 'EUR', locale);
  const e = escapeHtml;
  const f = order.fulfilment;

  const lineRows = order.lines
    .map((l) => {
      const editions = l.editionNumbers?.length
        ? ` · ${label.edition} ${l.editionNumbers.join(', ')}`
        : '';
      const name = `${l.title}${l.variantLabel ? ` (${l.variantLabel})` : ''}${editions}`;
      return `<tr><td>${e(name)}</td><td align="right">${l.quantity}</td><td align="right">${e(money(l.total))}</td></tr>`;
    })
    .join('');
  const rateRows = order.totals.byRate
    .map(
      (r) =>
        `<tr><td>${label.vat} ${r.rate}%</td><td></td><td align="right">${e(money(r.vat))}</td></tr>`,
    )
    .join('');

  const blocks: string[] = [];
  const textBlocks: string[] = [];
  if (f.method === 'pickup') {
    const when = `${f.pickupDate ?? ''} ${f.pickupSlot ?? ''}`.trim();
    blocks.push(
      `<mj-text><strong>${label.pickup}:</strong> ${e(when)} · ${e(f.pickupAddress ?? '')}</mj-text>`,
    );
    textBlocks.push(`${label.pickup}: ${when} · ${f.pickupAddress ?? ''}`);
  } else if (f.address) {
    const where = `${f.address.line1}, ${f.address.postalCode} ${f.address.city} (${f.address.country})`;
    blocks.push(`<mj-text><strong>${label.address}:</strong> ${e(where)}</mj-text>`);
    textBlocks.push(`${label.address}: ${where}`);
  }
  const bank = shop.settings.payments.bankTransfer;
  if (kind === 'confirmation' && order.payment.method === 'bank_transfer' && bank) {
    blocks.push(
      `<mj-text><strong>${label.bank}:</strong> ${e(bank.iban)}<br/>${label.holder}: ${e(bank.accountHolder)}<br/>${label.reference}: <strong>${e(order.number)}</strong></mj-text>`,
    );
    textBlocks.push(
      `${label.bank}: ${bank.iban} · ${label.holder}: ${bank.accountHolder} · ${label.reference}: ${order.number}`,
    );
    if (order.holdExpiresAt) {
      const date = new Intl.DateTimeFormat(locale === 'es' ? 'es-ES' : 'en-GB', {
        dateStyle: 'long',
        timeZone: shop.settings.timeZone,
      }).format(new Date(order.holdExpiresAt));
      const line = `${label.payBy} ${date}, ${label.payByCancel}`;
      blocks.push(`<mj-text>${e(line)}</mj-text>`);
      textBlocks.push(line);
    }
  }
  const tracking = safeUrl(f.trackingUrl);
  if (kind === 'shipped') {
    blocks.push(`<mj-text><strong>${label.carrier}:</strong> ${e(f.carrier ?? '')}</mj-text>`);
    textBlocks.push(`${label.carrier}: ${f.carrier ?? ''}`);
    if (tracking) {
      blocks.push(`<mj-button href="${e(tracking)}">${label.tracking}</mj-button>`);
      textBlocks.push(`${label.tracking}: ${tracking}`);
    }
  }
  if (kind === 'refunded') {
    blocks.push(
      `<mj-text><strong>${label.refunded}:</strong> ${e(money(order.payment.refunded))}</mj-text>`,
    );
    textBlocks.push(`${label.refunded}: ${money(order.payment.refunded)}`);
  }
  if (kind === 'merchant_order') {
    const c = order.customer;
    const who = `${c.name} · ${c.email}${c.phone ? ` · ${c.phone}` : ''}`;
    blocks.push(`<mj-text><strong>${label.customer}:</strong> ${e(who)}</mj-text>`);
    textBlocks.push(`${label.customer}: ${who}`);
  } else {
    blocks.push(`<mj-button href="${e(input.statusUrl)}">${label.status}</mj-button>`);
    textBlocks.push(`${label.status}: ${input.statusUrl}`);
  }

  const copy = t[kind];
  const subject = `${copy.subject(order.number)} · ${shop.name}`.replace(/[\r\n]+/g, ' ');
  const mjml = `<mjml lang="${locale}"><mj-head><mj-title>${e(subject)}</mj-title>
<mj-attributes><mj-all font-family="Helvetica, Arial, sans-serif"/><mj-button background-color="${e(shop.theme.primaryColor)}"/></mj-attributes></mj-head>
<mj-body><mj-section><mj-column>
<mj-text font-size="20px"><strong>${e(shop.name)}</strong></mj-text>
<mj-text font-size="18px">${e(copy.heading)}</mj-text>
<mj-text>${e(copy.intro)}</mj-text>
<mj-text><strong>${label.order} ${e(order.number)}</strong></mj-text>
<mj-table>${lineRows}
<tr><td>${label.shipping}</td><td></td><td align="right">${e(money(order.totals.shipping))}</td></tr>
${rateRows}
<tr><td><strong>${label.total}</strong></td><td></td><td align="right"><strong>${e(money(order.totals.total))}</strong></td></tr></mj-table>
${blocks.join('\n')}
<mj-text font-size="12px" color="#666">${e(shop.legal.legalName)} · ${e(shop.legal.taxId)} · ${e(shop.contactEmail)}</mj-text>
</mj-column></mj-section></mj-body></mjml>`;

  const text = [
    shop.name,
    copy.heading,
    copy.intro,
    `${label.order} ${order.number}`,
    ...order.lines.map((l) => {
      const editions = l.editionNumbers?.length
        ? ` (${label.edition} ${l.editionNumbers.join(', ')})`
        : '';
      return `${l.quantity} × ${l.title} ${l.variantLabel}${editions} — ${money(l.total)}`;
    }),
    `${label.shipping}: ${money(order.totals.shipping)}`,
    ...order.totals.byRate.map((r) => `${label.vat} ${r.rate}%: ${money(r.vat)}`),
    `${label.total}: ${money(order.totals.total)}`,
    ...textBlocks,
  ].join('\n');
  return { subject, html: await renderMjml(mjml), text };
}
