import { api } from '../api.ts';
import { announce, field, h, input, replace, select } from '../dom.ts';
import { attempt } from '../shell.ts';
import type { IngredientRow, ProductionData, ProductionSection } from './production-data.ts';
import { pt } from './production-texts.ts';

const unitLabel = (unit: IngredientRow['unit']) => (unit === 'unit' ? '' : ` ${unit}`);
const numberOrUndefined = (el: HTMLInputElement) =>
  el.value.trim() === '' ? undefined : Number(el.value);

/** Ingredients: stock and reorder point per row, a create/edit form and a delivery form. */
export function ingredientsSection(refresh: () => Promise<void>): ProductionSection {
  const list = h('div', { id: 'ingredients' });
  const sku = input({ name: 'sku', required: true, maxlength: 64, pattern: '[A-Za-z0-9._\\-]+' });
  const name = input({ name: 'name', required: true, maxlength: 120 });
  const unit = select(
    (['g', 'ml', 'unit'] as const).map((u) => [u, pt(`unit.${u}`)]),
    'g',
    { name: 'unit' },
  );
  const reorderPoint = input({ name: 'reorderPoint', type: 'number', min: 0, step: 1 });
  const reorderQuantity = input({ name: 'reorderQuantity', type: 'number', min: 1, step: 1 });
  const supplierName = input({ name: 'supplierName', maxlength: 120 });
  const supplierEmail = input({ name: 'supplierEmail', type: 'email' });
  const purchase = input({ type: 'checkbox', id: 'ing-purchase', name: 'purchaseRequests' });
  const heading = h('h3', { id: 'ing-form-h' }, pt('newIngredient'));
  let editing: string | undefined;

  const form = h(
    'form',
    { class: 'card', 'aria-labelledby': 'ing-form-h' },
    heading,
    field(pt('sku'), sku),
    field(pt('name'), name),
    field(pt('unit'), unit),
    field(pt('reorderPoint'), reorderPoint),
    field(pt('reorderQuantity'), reorderQuantity),
    field(pt('supplierName'), supplierName),
    field(pt('supplierEmail'), supplierEmail),
    h(
      'div',
      { class: 'check' },
      purchase,
      h('label', { for: 'ing-purchase' }, pt('purchaseRequests')),
    ),
    h('button', { type: 'submit', class: 'primary' }, pt('saveIngredient')),
  );
  const edit = (i: IngredientRow) => {
    editing = i.sku;
    heading.textContent = pt('editIngredient', { sku: i.sku });
    sku.value = i.sku;
    sku.readOnly = true;
    name.value = i.name;
    unit.value = i.unit;
    reorderPoint.value = i.reorderPoint === undefined ? '' : String(i.reorderPoint);
    reorderQuantity.value = i.reorderQuantity === undefined ? '' : String(i.reorderQuantity);
    supplierName.value = i.supplier?.name ?? '';
    supplierEmail.value = i.supplier?.email ?? '';
    purchase.checked = i.purchaseRequests;
    name.focus();
  };
  const reset = () => {
    editing = undefined;
    heading.textContent = pt('newIngredient');
    form.reset();
    sku.readOnly = false;
  };
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void attempt(async () => {
      const body = {
        name: name.value.trim(),
        unit: unit.value,
        purchaseRequests: purchase.checked,
        reorderPoint: numberOrUndefined(reorderPoint),
        reorderQuantity: numberOrUndefined(reorderQuantity),
        ...(supplierName.value && supplierEmail.value
          ? { supplier: { name: supplierName.value.trim(), email: supplierEmail.value.trim() } }
          : {}),
      };
      const saved = editing ?? sku.value.trim();
      if (editing) await api('PUT', `/production/ingredients/${encodeURIComponent(editing)}`, body);
      else await api('POST', '/production/ingredients', { sku: saved, ...body });
      reset();
      announce(pt('ingredientSaved', { sku: saved }));
      await refresh();
    });
  });

  const receiveSku = select([], undefined, { name: 'receiveSku' });
  const receiveQty = input({ name: 'quantity', type: 'number', min: 1, step: 1, required: true });
  const note = input({ name: 'note', maxlength: 200 });
  const receive = h(
    'form',
    { class: 'card inline', 'aria-labelledby': 'ing-receive-h' },
    h('h3', { id: 'ing-receive-h' }, pt('receive')),
    field(pt('receiveSku'), receiveSku),
    field(pt('receiveQty'), receiveQty),
    field(pt('note'), note),
    h('button', { type: 'submit' }, pt('receive')),
  );
  receive.addEventListener('submit', (event) => {
    event.preventDefault();
    void attempt(async () => {
      const result = await api<{ sku: string; available: number }>(
        'POST',
        `/production/ingredients/${encodeURIComponent(receiveSku.value)}/receive`,
        { quantity: Number(receiveQty.value), ...(note.value ? { note: note.value } : {}) },
      );
      receiveQty.value = '';
      note.value = '';
      announce(pt('received', { sku: result.sku, n: result.available }));
      await refresh();
    });
  });

  const el = h(
    'section',
    { 'aria-labelledby': 'ing-h' },
    h('h2', { id: 'ing-h' }, pt('ingredients')),
    list,
    receive,
    form,
  );
  return {
    el,
    update(data: ProductionData) {
      const chosen = receiveSku.value;
      replace(
        receiveSku,
        data.ingredients.map((i) => h('option', { value: i.sku }, `${i.sku} · ${i.name}`)),
      );
      if (chosen) receiveSku.value = chosen;
      receive.hidden = data.ingredients.length === 0;
      replace(list, ingredientTable(data.ingredients, edit));
    },
  };
}

function ingredientTable(rows: IngredientRow[], edit: (i: IngredientRow) => void): HTMLElement {
  if (rows.length === 0) return h('p', {}, pt('ingredientsNone'));
  return h(
    'table',
    {},
    h('caption', { class: 'sr-only' }, pt('ingredients')),
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        [pt('sku'), pt('name'), pt('available'), pt('reorderPoint'), pt('action')].map((c) =>
          h('th', { scope: 'col' }, c),
        ),
      ),
    ),
    h(
      'tbody',
      {},
      rows.map((i) =>
        h(
          'tr',
          {},
          h('th', { scope: 'row' }, i.sku),
          h('td', {}, i.name),
          h(
            'td',
            {
              'data-ingredient': i.sku,
              class:
                i.reorderPoint !== undefined && i.available <= i.reorderPoint
                  ? 'error-text'
                  : undefined,
            },
            `${i.available}${unitLabel(i.unit)}`,
          ),
          h('td', {}, i.reorderPoint === undefined ? '' : `${i.reorderPoint}${unitLabel(i.unit)}`),
          h(
            'td',
            {},
            h(
              'button',
              { type: 'button', 'aria-label': `${pt('edit')} ${i.sku}`, onclick: () => edit(i) },
              pt('edit'),
            ),
          ),
        ),
      ),
    ),
  );
}
