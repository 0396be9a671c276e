import { api } from '../api.ts';
import { h, replace } from '../dom.ts';
import { money, t } from '../i18n.ts';
import { revenueChart } from './chart.ts';
import { costPanel } from './cost-panel.ts';
import { publishPanel } from './publish-panel.ts';

interface Dashboard {
  today: { orders: number; revenue: number };
  last30: { orders: number; revenue: number };
  daily: { date: string; orders: number; revenue: number }[];
  lowStock: { sku: string; available: number; reorderPoint?: number }[];
  pendingProduction: { paid: number; inProduction: number };
  newsletter: { last30: number };
}

function figure(label: string, orders: number, revenue: number): HTMLElement {
  return h(
    'section',
    { class: 'card figure', 'aria-label': label },
    h('h2', {}, label),
    h(
      'dl',
      {},
      h('dt', {}, t('dash.orders')),
      h('dd', {}, orders),
      h('dt', {}, t('dash.revenue')),
      h('dd', {}, money(revenue)),
    ),
  );
}

export async function renderDashboard(main: HTMLElement): Promise<void> {
  const d = await api<Dashboard>('GET', '/dashboard');
  const lowStock = h(
    'section',
    { class: 'card', 'aria-labelledby': 'low-h' },
    h('h2', { id: 'low-h' }, t('dash.lowStock')),
    d.lowStock.length === 0
      ? h('p', {}, t('none'))
      : h(
          'ul',
          {},
          d.lowStock.map((s) =>
            h(
              'li',
              {},
              h('a', { href: `inventory.html?q=${encodeURIComponent(s.sku)}` }, s.sku),
              `: ${s.available}`,
            ),
          ),
        ),
  );
  replace(
    main,
    h('h1', {}, t('dash.title')),
    h(
      'div',
      { class: 'grid' },
      figure(t('dash.today'), d.today.orders, d.today.revenue),
      figure(t('dash.last30'), d.last30.orders, d.last30.revenue),
    ),
    h(
      'section',
      { class: 'card', 'aria-labelledby': 'chart-h' },
      h('h2', { id: 'chart-h' }, t('dash.chart')),
      revenueChart(d.daily),
    ),
    h(
      'div',
      { class: 'grid' },
      lowStock,
      h(
        'section',
        { class: 'card', 'aria-labelledby': 'pending-h' },
        h('h2', { id: 'pending-h' }, t('dash.pending')),
        h(
          'dl',
          {},
          h('dt', {}, t('dash.paid')),
          h('dd', {}, h('a', { href: 'orders.html?status=paid' }, d.pendingProduction.paid)),
          h('dt', {}, t('dash.inProduction')),
          h(
            'dd',
            {},
            h('a', { href: 'orders.html?status=in_production' }, d.pendingProduction.inProduction),
          ),
        ),
      ),
      h(
        'section',
        { class: 'card', 'aria-labelledby': 'news-h' },
        h('h2', { id: 'news-h' }, t('dash.newsletter')),
        h('p', { class: 'big' }, d.newsletter.last30),
      ),
    ),
    publishPanel(),
    costPanel(),
  );
}
