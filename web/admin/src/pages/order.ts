import { TRANSITIONS } from '../../../../shared/orders/status.ts';
import { api } from '../api.ts';
import { announce, field, h, input, replace } from '../dom.ts';
import { dateTime, money, parseEuros, t } from '../i18n.ts';
import { attempt } from '../shell.ts';
import type { OrderSummary } from './orders.ts';

interface Order extends OrderSummary {
  lines: {
    sku: string;
    title: string;
    variantLabel: string;
    quantity: number;
    unitPrice: number;
    total: number;
  }[];
  totals: { subtotal: number; shipping: number; total: number };
  customer: { name: string; email: string; phone?: string };
  fulfilment: {
    method: 'pickup' | 'shipping';
    methodName: string;
    pickupDate?: string;
    pickupSlot?: string;
    address?: { line1: string; city: string; postalCode: string; country: string };
    carrier?: string;
    trackingUrl?: string;
  };
  payment: { method: string; status: string; refunded: number };
  history: { at: string; status: OrderSummary['status']; who: string; note?: string }[];
}

function linesTable(order: Order, withPrices: boolean): HTMLElement {
  const cols = [
    t('edit.sku'),
    t('inv.product'),
    t('order.qty'),
    ...(withPrices ? [t('orders.total')] : []),
  ];
  return h(
    'table',
    {},
    h('caption', {}, t('order.lines')),
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        cols.map((c) => h('th', { scope: 'col' }, c)),
      ),
    ),
    h(
      'tbody',
      {},
      order.lines.map((l) =>
        h(
          'tr',
          {},
          h('th', { scope: 'row' }, l.sku),
          h('td', {}, `${l.title} ${l.variantLabel}`.trim()),
          h('td', {}, l.quantity),
          withPrices ? h('td', {}, money(l.total)) : null,
        ),
      ),
    ),
  );
}

function deliveryText(order: Order): string {
  const f = order.fulfilment;
  if (f.method === 'pickup') return `${f.methodName} · ${f.pickupDate ?? ''} ${f.pickupSlot ?? ''}`;
  const a = f.address;
  return `${f.methodName} · ${a ? `${a.line1}, ${a.postalCode} ${a.city} (${a.country})` : ''}`;
}

export async function renderOrder(main: HTMLElement): Promise<void> {
  const id = new URLSearchParams(location.search).get('id') ?? '';
  let order = await api<Order>('GET', `/orders/${encodeURIComponent(id)}`);

  const changed = (next: Order) => {
    order = next;
    announce(t('order.updated'));
    draw();
  };

  function actions(): HTMLElement {
    const moves = TRANSITIONS[order.status].filter((s) => s !== 'refunded' && s !== 'shipped');
    const carrier = input({ name: 'carrier' });
    const trackingUrl = input({ name: 'trackingUrl', type: 'url' });
    const amount = input({ name: 'amount', inputmode: 'decimal' });
    const canShip = TRANSITIONS[order.status].includes('shipped');
    const canRefund =
      order.payment.status === 'paid' || order.payment.status === 'partially_refunded';
    return h(
      'section',
      { class: 'card', 'aria-labelledby': 'actions-h' },
      h('h2', { id: 'actions-h' }, t('order.actions')),
      h(
        'div',
        { class: 'row' },
        moves.map((to) =>
          h(
            'button',
            {
              type: 'button',
              onclick: () =>
                void attempt(async () =>
                  changed(await api<Order>('POST', `/orders/${order.id}/status`, { to })),
                ),
            },
            t('order.moveTo', { status: t(`ostatus.${to}`) }),
          ),
        ),
        order.status === 'pending_payment' && order.payment.method !== 'stripe'
          ? h(
              'button',
              {
                type: 'button',
                onclick: () =>
                  void attempt(async () =>
                    changed(await api<Order>('POST', `/orders/${order.id}/mark-paid`)),
                  ),
              },
              t('order.markPaid'),
            )
          : null,
      ),
      canShip
        ? h(
            'form',
            {
              class: 'inline',
              onsubmit: (event: Event) => {
                event.preventDefault();
                void attempt(async () =>
                  changed(
                    await api<Order>('POST', `/orders/${order.id}/status`, {
                      to: 'shipped',
                      carrier: carrier.value,
                      ...(trackingUrl.value ? { trackingUrl: trackingUrl.value } : {}),
                    }),
                  ),
                );
              },
            },
            field(t('order.carrier'), carrier),
            field(t('order.trackingUrl'), trackingUrl),
            h('button', { type: 'submit' }, t('order.ship')),
          )
        : null,
      canRefund
        ? h(
            'form',
            {
              class: 'inline',
              onsubmit: (event: Event) => {
                event.preventDefault();
                const cents = parseEuros(amount.value);
                void attempt(async () => {
                  await api('POST', `/orders/${order.id}/refund`, cents ? { amount: cents } : {});
                  changed(await api<Order>('GET', `/orders/${order.id}`));
                });
              },
            },
            field(t('order.refundAmount'), amount),
            h('button', { type: 'submit' }, t('order.refund')),
          )
        : null,
      h(
        'p',
        { class: 'row' },
        h(
          'a',
          {
            class: 'button',
            href: `/api/admin/orders/${order.id}/invoice`,
            target: '_blank',
            rel: 'noopener',
          },
          t('order.invoice'),
        ),
        h('button', { type: 'button', onclick: () => print() }, t('order.packingSlip')),
      ),
    );
  }

  function draw(): void {
    const f = order.fulfilment;
    replace(
      main,
      h('h1', {}, t('order.title', { number: order.number })),
      h(
        'dl',
        { class: 'facts' },
        h('dt', {}, t('orders.status')),
        h('dd', { id: 'order-status' }, t(`ostatus.${order.status}`)),
        h('dt', {}, t('orders.date')),
        h('dd', {}, dateTime(order.createdAt)),
        h('dt', {}, t('orders.customer')),
        h(
          'dd',
          {},
          `${order.customer.name} · ${order.customer.email}${order.customer.phone ? ` · ${order.customer.phone}` : ''}`,
        ),
        h('dt', {}, t('order.delivery')),
        h(
          'dd',
          {},
          deliveryText(order),
          f.carrier ? ` · ${f.carrier}` : '',
          f.trackingUrl ? h('a', { href: f.trackingUrl }, ` ${t('order.trackingUrl')}`) : '',
        ),
        h('dt', {}, t('orders.payment')),
        h(
          'dd',
          {},
          `${t(`pay.${order.payment.method as 'stripe'}`)} · ${order.payment.status}${order.payment.refunded ? ` · −${money(order.payment.refunded)}` : ''}`,
        ),
      ),
      h(
        'section',
        { class: 'card packing-slip', 'aria-label': t('order.lines') },
        linesTable(order, true),
      ),
      h(
        'dl',
        { class: 'facts' },
        h('dt', {}, t('order.subtotal')),
        h('dd', {}, money(order.totals.subtotal)),
        h('dt', {}, t('order.shipping')),
        h('dd', {}, money(order.totals.shipping)),
        h('dt', {}, t('orders.total')),
        h('dd', {}, money(order.totals.total)),
      ),
      actions(),
      h(
        'section',
        { class: 'card', 'aria-labelledby': 'history-h' },
        h('h2', { id: 'history-h' }, t('order.history')),
        h(
          'ol',
          {},
          order.history.map((e) =>
            h(
              'li',
              {},
              `${dateTime(e.at)} · ${t(`ostatus.${e.status}`)} · ${e.who}${e.note ? ` · ${e.note}` : ''}`,
            ),
          ),
        ),
      ),
    );
  }
  draw();
}
