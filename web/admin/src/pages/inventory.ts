import { api } from '../api.ts';
import { announce, field, h, input, replace, select } from '../dom.ts';
import { dateTime, t } from '../i18n.ts';
import { attempt } from '../shell.ts';

interface Level {
  sku: string;
  product: string;
  variant: string;
  available: number;
  reserved: number;
  sold: number;
}
interface Entry {
  id: string;
  sku: string;
  delta: number;
  reason: string;
  who: string;
  why?: string;
  at: string;
}

export async function renderInventory(main: HTMLElement): Promise<void> {
  const q = input({
    type: 'search',
    name: 'q',
    value: new URLSearchParams(location.search).get('q') ?? '',
  });
  const levelsBox = h('div', { id: 'levels' });
  const ledgerBox = h('div', { id: 'ledger' });

  const sku = select([], undefined, { name: 'sku' });
  const delta = input({ name: 'delta', type: 'number', step: 1, required: true });
  const reason = select(
    (['adjustment', 'production', 'return'] as const).map((r) => [r, t(`inv.reason.${r}`)]),
    'adjustment',
    { name: 'reason' },
  );
  const why = input({ name: 'why', required: true, maxlength: 200 });
  const adjust = h(
    'form',
    { class: 'card', 'aria-labelledby': 'adjust-h' },
    h('h2', { id: 'adjust-h' }, t('inv.adjust')),
    field(t('edit.sku'), sku),
    field(t('inv.delta'), delta),
    field(t('inv.reason'), reason),
    field(t('inv.why'), why),
    h('button', { type: 'submit', class: 'primary' }, t('inv.apply')),
  );

  async function loadLevels(): Promise<void> {
    const query = q.value ? `?q=${encodeURIComponent(q.value)}` : '';
    const { levels } = await api<{ levels: Level[] }>('GET', `/inventory${query}`);
    const chosen = sku.value;
    replace(
      sku,
      levels.map((l) => h('option', { value: l.sku }, `${l.sku} · ${l.product} ${l.variant}`)),
    );
    if (chosen) sku.value = chosen;
    replace(
      levelsBox,
      h(
        'table',
        {},
        h('caption', {}, t('inv.title')),
        h(
          'thead',
          {},
          h(
            'tr',
            {},
            [
              t('edit.sku'),
              t('inv.product'),
              t('inv.available'),
              t('inv.reserved'),
              t('inv.sold'),
            ].map((c) => h('th', { scope: 'col' }, c)),
          ),
        ),
        h(
          'tbody',
          {},
          levels.map((l) =>
            h(
              'tr',
              {},
              h('th', { scope: 'row' }, l.sku),
              h('td', {}, `${l.product} ${l.variant}`),
              h('td', { 'data-sku': l.sku }, l.available),
              h('td', {}, l.reserved),
              h('td', {}, l.sold),
            ),
          ),
        ),
      ),
    );
  }

  async function loadLedger(): Promise<void> {
    const { entries } = await api<{ entries: Entry[] }>('GET', '/inventory/ledger?limit=50');
    replace(
      ledgerBox,
      h(
        'table',
        {},
        h('caption', {}, t('inv.ledger')),
        h(
          'thead',
          {},
          h(
            'tr',
            {},
            [
              t('inv.when'),
              t('edit.sku'),
              t('inv.change'),
              t('inv.reason'),
              t('inv.why'),
              t('inv.who'),
            ].map((c) => h('th', { scope: 'col' }, c)),
          ),
        ),
        h(
          'tbody',
          {},
          entries.map((e) =>
            h(
              'tr',
              {},
              h('td', {}, dateTime(e.at)),
              h('th', { scope: 'row' }, e.sku),
              h('td', {}, e.delta > 0 ? `+${e.delta}` : e.delta),
              h('td', {}, e.reason),
              h('td', {}, e.why ?? ''),
              h('td', {}, e.who),
            ),
          ),
        ),
      ),
    );
  }

  adjust.addEventListener('submit', (event) => {
    event.preventDefault();
    void attempt(async () => {
      await api('POST', `/stock/${encodeURIComponent(sku.value)}/adjust`, {
        delta: Number(delta.value),
        reason: reason.value,
        why: why.value,
      });
      announce(t('inv.adjusted', { sku: sku.value }));
      delta.value = '';
      why.value = '';
      await Promise.all([loadLevels(), loadLedger()]);
    });
  });
  const search = h(
    'form',
    { role: 'search', class: 'filters' },
    field(t('search'), q),
    h('button', { type: 'submit' }, t('search')),
  );
  search.addEventListener('submit', (event) => {
    event.preventDefault();
    void attempt(loadLevels);
  });

  replace(main, h('h1', {}, t('inv.title')), search, adjust, levelsBox, ledgerBox);
  await Promise.all([loadLevels(), loadLedger()]);
}
