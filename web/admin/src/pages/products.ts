import { api } from '../api.ts';
import { field, h, input, replace, select } from '../dom.ts';
import { money, t } from '../i18n.ts';

interface ProductRow {
  id: string;
  slug: string;
  status: 'draft' | 'active' | 'archived';
  title: { es: string; en?: string };
  variants: { sku: string; price: number }[];
}

export async function renderProducts(main: HTMLElement): Promise<void> {
  const params = new URLSearchParams(location.search);
  const q = input({ type: 'search', name: 'q', value: params.get('q') ?? '' });
  const collection = input({ name: 'collection', value: params.get('collection') ?? '' });
  const status = select(
    [
      ['', t('all')],
      ['active', t('status.active')],
      ['draft', t('status.draft')],
      ['archived', t('status.archived')],
    ],
    params.get('status') ?? '',
    { name: 'status' },
  );
  const results = h('div', { id: 'results' });
  const form = h(
    'form',
    { class: 'filters', role: 'search' },
    field(t('search'), q),
    field(t('products.status'), status),
    field(t('products.collection'), collection),
    h('button', { type: 'submit' }, t('search')),
  );

  async function load(): Promise<void> {
    const query = new URLSearchParams({ limit: '200' });
    if (q.value) query.set('q', q.value);
    if (status.value) query.set('status', status.value);
    if (collection.value.trim()) query.set('collection', collection.value.trim());
    const page = await api<{ products: ProductRow[]; total: number }>('GET', `/products?${query}`);
    replace(
      results,
      h('p', {}, t('products.count', { n: page.total })),
      h(
        'table',
        {},
        h('caption', { class: 'sr-only' }, t('products.title')),
        h(
          'thead',
          {},
          h(
            'tr',
            {},
            h('th', { scope: 'col' }, t('edit.titleEs')),
            h('th', { scope: 'col' }, t('products.status')),
            h('th', { scope: 'col' }, t('products.variants')),
            h('th', { scope: 'col' }, t('products.price')),
          ),
        ),
        h(
          'tbody',
          {},
          page.products.map((p) =>
            h(
              'tr',
              {},
              h('th', { scope: 'row' }, h('a', { href: `product.html?id=${p.id}` }, p.title.es)),
              h('td', {}, t(`status.${p.status}`)),
              h('td', {}, p.variants.length),
              h('td', {}, money(Math.min(...p.variants.map((v) => v.price)))),
            ),
          ),
        ),
      ),
    );
  }
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const state = new URLSearchParams({
      q: q.value,
      status: status.value,
      collection: collection.value,
    });
    history.replaceState(null, '', `?${state}`);
    void load();
  });
  replace(
    main,
    h('h1', {}, t('products.title')),
    h(
      'p',
      { class: 'actions' },
      h('a', { class: 'button primary', href: 'product.html' }, t('products.new')),
      h('a', { class: 'button', href: 'import.html' }, t('nav.import')),
      h(
        'a',
        { class: 'button', href: '/api/admin/exports/products.csv', download: '' },
        t('products.export'),
      ),
    ),
    form,
    results,
  );
  await load();
}
