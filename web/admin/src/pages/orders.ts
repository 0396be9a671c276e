import { ORDER_STATUSES } from '../../../../shared/orders/status.ts';
import { api } from '../api.ts';
import { field, h, input, replace, select } from '../dom.ts';
import { dateTime, money, t } from '../i18n.ts';
import { attempt } from '../shell.ts';

export interface OrderSummary {
  id: string;
  number: string;
  status: (typeof ORDER_STATUSES)[number];
  createdAt: string;
  customer: { name: string; email: string };
  totals: { total: number };
  payment: { method: string; status: string };
}

export async function renderOrders(main: HTMLElement): Promise<void> {
  const params = new URLSearchParams(location.search);
  const q = input({ type: 'search', name: 'q', value: params.get('q') ?? '' });
  const status = select(
    [['', t('all')], ...ORDER_STATUSES.map((s): [string, string] => [s, t(`ostatus.${s}`)])],
    params.get('status') ?? '',
    { name: 'status' },
  );
  const results = h('div', { id: 'results' });
  let after: string | null = null;

  function table(orders: OrderSummary[]): HTMLElement {
    return h(
      'table',
      {},
      h('caption', { class: 'sr-only' }, t('orders.title')),
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          [
            t('orders.number'),
            t('orders.date'),
            t('orders.customer'),
            t('orders.total'),
            t('orders.status'),
            t('orders.payment'),
          ].map((c) => h('th', { scope: 'col' }, c)),
        ),
      ),
      h(
        'tbody',
        {},
        orders.map((o) =>
          h(
            'tr',
            {},
            h('th', { scope: 'row' }, h('a', { href: `order.html?id=${o.id}` }, o.number)),
            h('td', {}, dateTime(o.createdAt)),
            h('td', {}, o.customer.name),
            h('td', {}, money(o.totals.total)),
            h('td', {}, t(`ostatus.${o.status}`)),
            h('td', {}, `${t(`pay.${o.payment.method as 'stripe'}`)} · ${o.payment.status}`),
          ),
        ),
      ),
    );
  }

  async function load(more = false): Promise<void> {
    if (q.value.trim()) {
      const found = await api<{ orders: OrderSummary[] }>(
        'GET',
        `/order-search?q=${encodeURIComponent(q.value)}`,
      );
      const hits = status.value
        ? found.orders.filter((o) => o.status === status.value)
        : found.orders;
      replace(results, hits.length ? table(hits) : h('p', {}, t('none')));
      return;
    }
    const query = new URLSearchParams({ limit: '50' });
    if (status.value) query.set('status', status.value);
    if (more && after) query.set('after', after);
    const page = await api<{ orders: OrderSummary[]; next: string | null }>(
      'GET',
      `/orders?${query}`,
    );
    after = page.next;
    const nextButton = page.next
      ? h('button', { type: 'button', onclick: () => void attempt(() => load(true)) }, t('next'))
      : null;
    replace(results, page.orders.length ? table(page.orders) : h('p', {}, t('none')), nextButton);
  }

  const form = h(
    'form',
    { role: 'search', class: 'filters' },
    field(t('search'), q),
    field(t('orders.status'), status),
    h('button', { type: 'submit' }, t('search')),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void attempt(() => load());
  });
  replace(main, h('h1', {}, t('orders.title')), form, results);
  await load();
}
