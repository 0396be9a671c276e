import { api } from '../api.ts';
import { announce, field, h, input, replace, select } from '../dom.ts';
import { attempt } from '../shell.ts';
import type { ProductionData, ProductionSection } from './production-data.ts';
import { pt } from './production-texts.ts';

/** Reorder point of a catalog SKU (ingredients set theirs in their own form); empty clears it. */
export function reorderSection(refresh: () => Promise<void>): ProductionSection {
  const sku = select([], undefined, { name: 'reorderSku' });
  const point = input({ name: 'reorderPoint', type: 'number', min: 0, step: 1 });
  let levels: ProductionData['finished'] = [];
  const show = () => {
    const level = levels.find((l) => l.sku === sku.value);
    point.value = level?.reorderPoint == null ? '' : String(level.reorderPoint);
  };
  sku.addEventListener('change', show);
  const form = h(
    'form',
    { class: 'card', 'aria-labelledby': 'reorder-h' },
    h('h2', { id: 'reorder-h' }, pt('reorderTitle')),
    field(pt('sku'), sku),
    field(pt('reorderPoint'), point, pt('reorderHint')),
    h('button', { type: 'submit' }, pt('saveReorder')),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void attempt(async () => {
      const value = point.value.trim() === '' ? null : Number(point.value);
      await api('PUT', `/production/reorder-points/${encodeURIComponent(sku.value)}`, {
        reorderPoint: value,
      });
      announce(pt('reorderSaved', { sku: sku.value }));
      await refresh();
    });
  });
  return {
    el: form,
    update(data: ProductionData) {
      levels = data.finished;
      const chosen = sku.value;
      replace(
        sku,
        levels.map((l) =>
          h('option', { value: l.sku }, `${l.sku} · ${l.product} ${l.variant}`.trim()),
        ),
      );
      if (chosen) sku.value = chosen;
      show();
      form.hidden = levels.length === 0;
    },
  };
}
