import { api } from '../api.ts';
import { announce, field, h, input, replace, select } from '../dom.ts';
import { attempt } from '../shell.ts';
import type { ProductionData, ProductionSection, Recipe } from './production-data.ts';
import { pt } from './production-texts.ts';

interface Line {
  row: HTMLElement;
  sku: HTMLSelectElement;
  quantity: HTMLInputElement;
}

/** Recipes: a finished SKU made from ingredient SKUs with quantities; the list with Edit. */
export function recipesSection(refresh: () => Promise<void>): ProductionSection {
  const list = h('div', { id: 'recipes' });
  const sku = select([], undefined, { name: 'recipeSku', required: true });
  const yieldInput = input({
    name: 'yield',
    type: 'number',
    min: 1,
    step: 1,
    required: true,
    value: 1,
  });
  const notes = h('textarea', { name: 'notes', rows: 2, maxlength: 2000 });
  const linesBox = h('div', { class: 'lines' });
  let lines: Line[] = [];
  let data: ProductionData | undefined;

  const ingredientOptions = () =>
    (data?.ingredients ?? []).map((i): [string, string] => [
      i.sku,
      `${i.sku} · ${i.name} (${i.unit})`,
    ]);
  const renumber = () => {
    lines.forEach((line, n) => {
      const label = (el: Element, text: string) => {
        const id = el.id;
        const lab = line.row.querySelector(`label[for="${id}"]`);
        if (lab) lab.textContent = text;
      };
      label(line.sku, pt('ingredientN', { n: n + 1 }));
      label(line.quantity, pt('quantityN', { n: n + 1 }));
      const remove = line.row.querySelector('button');
      remove?.setAttribute('aria-label', pt('removeLine', { n: n + 1 }));
    });
  };
  const addLine = (value?: { sku: string; quantity: number }) => {
    const n = lines.length + 1;
    const lineSku = select(ingredientOptions(), value?.sku, { name: 'ingredientSku' });
    const quantity = input({
      name: 'ingredientQuantity',
      type: 'number',
      min: 1,
      step: 1,
      required: true,
      value: value?.quantity ?? '',
    });
    const row = h('div', { class: 'filters' });
    const line: Line = { row, sku: lineSku, quantity };
    const remove = h(
      'button',
      {
        type: 'button',
        onclick: () => {
          lines = lines.filter((l) => l !== line);
          row.remove();
          renumber();
        },
      },
      pt('removeLine', { n: '' }).trim(),
    );
    replace(
      row,
      field(pt('ingredientN', { n }), lineSku),
      field(pt('quantityN', { n }), quantity),
      remove,
    );
    lines.push(line);
    linesBox.append(row);
    renumber();
  };
  const fill = (recipe: Recipe) => {
    sku.value = recipe.sku;
    yieldInput.value = String(recipe.yield);
    notes.value = recipe.notes ?? '';
    lines = [];
    linesBox.replaceChildren();
    for (const i of recipe.ingredients) addLine(i);
    yieldInput.focus();
  };

  const form = h(
    'form',
    { class: 'card', 'aria-labelledby': 'rec-form-h' },
    h('h3', { id: 'rec-form-h' }, pt('recipeForm')),
    field(pt('recipeSku'), sku),
    field(pt('yield'), yieldInput),
    h(
      'fieldset',
      {},
      h('legend', {}, pt('recipeIngredients')),
      linesBox,
      h('button', { type: 'button', onclick: () => addLine() }, pt('addLine')),
    ),
    field(pt('notes'), notes),
    h('button', { type: 'submit', class: 'primary' }, pt('saveRecipe')),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void attempt(async () => {
      const target = sku.value;
      await api('PUT', `/production/recipes/${encodeURIComponent(target)}`, {
        yield: Number(yieldInput.value),
        ingredients: lines.map((l) => ({ sku: l.sku.value, quantity: Number(l.quantity.value) })),
        ...(notes.value.trim() ? { notes: notes.value.trim() } : {}),
      });
      announce(pt('recipeSaved', { sku: target }));
      await refresh();
    });
  });

  const el = h(
    'section',
    { 'aria-labelledby': 'rec-h' },
    h('h2', { id: 'rec-h' }, pt('recipes')),
    list,
    form,
  );
  return {
    el,
    update(next: ProductionData) {
      data = next;
      const chosen = sku.value;
      replace(
        sku,
        next.finished.map((l) =>
          h('option', { value: l.sku }, `${l.sku} · ${l.product} ${l.variant}`.trim()),
        ),
      );
      if (chosen) sku.value = chosen;
      for (const line of lines) {
        const picked = line.sku.value;
        replace(
          line.sku,
          ingredientOptions().map(([v, label]) => h('option', { value: v }, label)),
        );
        if (picked) line.sku.value = picked;
      }
      if (lines.length === 0 && next.ingredients.length > 0) addLine();
      form.hidden = next.ingredients.length === 0;
      replace(
        list,
        recipeTable(next, fill),
        next.ingredients.length === 0
          ? h('p', { class: 'hint' }, pt('recipesNeedIngredients'))
          : null,
      );
    },
  };
}

function recipeTable(data: ProductionData, edit: (r: Recipe) => void): HTMLElement {
  if (data.recipes.length === 0) return h('p', {}, pt('recipesNone'));
  const unitOf = new Map(data.ingredients.map((i) => [i.sku, i.unit === 'unit' ? '×' : i.unit]));
  return h(
    'table',
    {},
    h('caption', { class: 'sr-only' }, pt('recipes')),
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        [pt('sku'), pt('yield'), pt('ingredients'), pt('action')].map((c) =>
          h('th', { scope: 'col' }, c),
        ),
      ),
    ),
    h(
      'tbody',
      {},
      data.recipes.map((r) =>
        h(
          'tr',
          {},
          h('th', { scope: 'row' }, r.sku),
          h('td', {}, r.yield),
          h(
            'td',
            {},
            r.ingredients
              .map((i) => `${i.sku} ${i.quantity} ${unitOf.get(i.sku) ?? ''}`)
              .join(', '),
          ),
          h(
            'td',
            {},
            h(
              'button',
              { type: 'button', 'aria-label': `${pt('edit')} ${r.sku}`, onclick: () => edit(r) },
              pt('edit'),
            ),
          ),
        ),
      ),
    ),
  );
}
