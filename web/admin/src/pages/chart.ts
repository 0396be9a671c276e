import { h } from '../dom.ts';
import { money, t } from '../i18n.ts';

const SVG = 'http://www.w3.org/2000/svg';

function svg(tag: string, attrs: Record<string, string | number>): SVGElement {
  const el = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  return el;
}

/**
 * Revenue per day as inline SVG bars. The picture is labelled for screen readers, and the same
 * numbers are in a table behind a disclosure for anyone who prefers to read them.
 */
export function revenueChart(daily: { date: string; orders: number; revenue: number }[]) {
  const width = 600;
  const height = 160;
  const max = Math.max(1, ...daily.map((d) => d.revenue));
  const bar = width / daily.length;
  const titleId = 'chart-title';
  const chart = svg('svg', {
    viewBox: `0 0 ${width} ${height + 20}`,
    role: 'img',
    'aria-labelledby': titleId,
    class: 'chart',
  });
  const title = svg('title', { id: titleId });
  const total = daily.reduce((n, d) => n + d.revenue, 0);
  title.textContent = `${t('dash.chart')}: ${money(total)}`;
  chart.append(title);
  daily.forEach((d, i) => {
    const barHeight = Math.round((d.revenue / max) * height);
    const rect = svg('rect', {
      x: i * bar + 2,
      y: height - barHeight,
      width: bar - 4,
      height: Math.max(barHeight, 1),
      class: 'bar',
    });
    chart.append(rect);
  });
  chart.append(svg('line', { x1: 0, y1: height + 1, x2: width, y2: height + 1, class: 'axis' }));

  const table = h(
    'table',
    {},
    h('caption', {}, t('dash.chart')),
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        h('th', { scope: 'col' }, t('dash.date')),
        h('th', { scope: 'col' }, t('dash.orders')),
        h('th', { scope: 'col' }, t('dash.revenue')),
      ),
    ),
    h(
      'tbody',
      {},
      daily.map((d) =>
        h(
          'tr',
          {},
          h('th', { scope: 'row' }, d.date),
          h('td', {}, d.orders),
          h('td', {}, money(d.revenue)),
        ),
      ),
    ),
  );
  return h(
    'figure',
    { class: 'chart-box' },
    chart,
    h('details', {}, h('summary', {}, t('dash.chartTable')), table),
  );
}
