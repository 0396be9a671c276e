import { api } from '../api.ts';
import { h, replace } from '../dom.ts';
import { t } from '../i18n.ts';

interface CostReport {
  month: string;
  daysMeasured: number;
  eurPerMonth: number;
  eurPerMonthWithFreeTier: number;
  emailEurPerMonth: number;
  pricesCheckedOn: string;
}

const eur = (value: number) =>
  new Intl.NumberFormat(document.documentElement.lang || 'es', {
    style: 'currency',
    currency: 'EUR',
    minimumFractionDigits: 2,
    maximumFractionDigits: 4,
  }).format(value);

/** The shop's projected monthly cloud cost (GET /api/admin/cost), email on its own line. */
export function costPanel(): HTMLElement {
  const body = h('div', { 'aria-live': 'polite' }, t('cost.loading'));
  const panel = h(
    'section',
    { class: 'card', 'aria-labelledby': 'cost-h' },
    h('h2', { id: 'cost-h' }, t('cost.title')),
    body,
  );
  api<CostReport>('GET', '/cost')
    .then((r) =>
      replace(
        body,
        h(
          'dl',
          {},
          h('dt', {}, t('cost.cloud')),
          h('dd', {}, eur(r.eurPerMonth)),
          h('dt', {}, t('cost.withFree')),
          h('dd', {}, eur(r.eurPerMonthWithFreeTier)),
          h('dt', {}, t('cost.email')),
          h('dd', {}, eur(r.emailEurPerMonth)),
        ),
        h('p', {}, t('cost.note', { days: r.daysMeasured, date: r.pricesCheckedOn })),
      ),
    )
    .catch(() => replace(body, t('cost.unavailable')));
  return panel;
}
