import { h, input } from '../dom.ts';
import { euros, parseEuros, t } from '../i18n.ts';
import type { Variant } from './product-edit.ts';

/** One row per variant with editable SKU, price, compare-at price and weight (edits in place). */
export function variantsTable(variants: Variant[]): HTMLElement {
  const row = (v: Variant) => {
    const label = v.optionValues.join(' / ') || '—';
    const cell = (name: string, value: string, onInput: (s: string) => void, mode = 'text') => {
      const el = input({ name, value, inputmode: mode, 'aria-label': `${name} ${label}` });
      el.addEventListener('input', () => onInput(el.value));
      return h('td', {}, el);
    };
    return h(
      'tr',
      {},
      h('th', { scope: 'row' }, label),
      cell(t('edit.sku'), v.sku, (s) => {
        v.sku = s.trim();
      }),
      cell(
        t('edit.price'),
        euros(v.price),
        (s) => {
          v.price = parseEuros(s) ?? v.price;
        },
        'decimal',
      ),
      cell(
        t('edit.compareAt'),
        euros(v.compareAtPrice),
        (s) => {
          const cents = parseEuros(s);
          if (cents) v.compareAtPrice = cents;
          else delete v.compareAtPrice;
        },
        'decimal',
      ),
      cell(
        t('edit.weight'),
        v.weightGrams ? String(v.weightGrams) : '',
        (s) => {
          const grams = Number.parseInt(s, 10);
          if (grams > 0) v.weightGrams = grams;
          else delete v.weightGrams;
        },
        'numeric',
      ),
    );
  };
  return h(
    'table',
    {},
    h('caption', {}, t('products.variants')),
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        [
          t('edit.variant'),
          t('edit.sku'),
          t('edit.price'),
          t('edit.compareAt'),
          t('edit.weight'),
        ].map((c) => h('th', { scope: 'col' }, c)),
      ),
    ),
    h('tbody', {}, variants.map(row)),
  );
}
