import { ApiError, api } from '../api.ts';
import { announce, field, h, input, replace, select } from '../dom.ts';
import { dateTime } from '../i18n.ts';
import { attempt } from '../shell.ts';
import type { Batch, ProductionData, ProductionSection } from './production-data.ts';
import { pt } from './production-texts.ts';

interface Missing {
  sku: string;
  name: string;
  unit: string;
  needed: number;
  available: number;
  short: number;
}

const head = (cols: string[]) =>
  h(
    'thead',
    {},
    h(
      'tr',
      {},
      cols.map((c) => h('th', { scope: 'col' }, c)),
    ),
  );

/** "What can I make now", the batch form (with the list of what is missing) and the runs. */
export function batchesSection(refresh: () => Promise<void>): ProductionSection {
  const canMake = h('div', { id: 'can-make' });
  const history = h('div', { id: 'batches' });
  const sku = select([], undefined, { name: 'batchSku', required: true });
  const count = input({
    name: 'batches',
    type: 'number',
    min: 1,
    step: 1,
    required: true,
    value: 1,
  });
  const refusal = h('div', { id: 'batch-refusal', role: 'alert' });

  const run = (complete: boolean) => () =>
    attempt(async () => {
      replace(refusal);
      try {
        const { batch } = await api<{ batch: Batch }>('POST', '/production/batches', {
          sku: sku.value,
          batches: Number(count.value),
          complete,
        });
        announce(
          complete
            ? pt('produced', { n: batch.quantity, sku: batch.sku })
            : pt('planned', { n: batch.batches, sku: batch.sku }),
        );
      } catch (error) {
        if (error instanceof ApiError && error.code === 'missing_ingredients') {
          showMissing(refusal, error);
          announce(pt('missingTitle'), 'error');
        } else throw error;
      }
      await refresh();
    });
  const complete = (b: Batch) => () =>
    attempt(async () => {
      replace(refusal);
      try {
        const done = await api<{ batch: Batch }>(
          'POST',
          `/production/batches/${encodeURIComponent(b.id)}/complete`,
        );
        announce(pt('produced', { n: done.batch.quantity, sku: done.batch.sku }));
      } catch (error) {
        if (error instanceof ApiError && error.code === 'missing_ingredients') {
          showMissing(refusal, error);
          announce(pt('missingTitle'), 'error');
        } else throw error;
      }
      await refresh();
    });

  const form = h(
    'form',
    { class: 'card', 'aria-labelledby': 'batch-form-h' },
    h('h3', { id: 'batch-form-h' }, pt('batch')),
    field(pt('batchSku'), sku),
    field(pt('batchCount'), count),
    h(
      'div',
      { class: 'actions' },
      h('button', { type: 'submit', class: 'primary' }, pt('produceNow')),
      h('button', { type: 'button', onclick: () => void run(false)() }, pt('plan')),
    ),
    refusal,
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void run(true)();
  });

  const el = h(
    'section',
    { 'aria-labelledby': 'batch-h' },
    h('h2', { id: 'batch-h' }, pt('canMake')),
    canMake,
    form,
    history,
  );
  return {
    el,
    update(data: ProductionData) {
      const chosen = sku.value;
      replace(
        sku,
        data.recipes.map((r) => h('option', { value: r.sku }, r.sku)),
      );
      if (chosen) sku.value = chosen;
      form.hidden = data.recipes.length === 0;
      replace(canMake, canMakeTable(data));
      replace(history, batchTable(data.batches, complete));
    },
  };
}

function showMissing(box: HTMLElement, error: ApiError): void {
  const missing = ((error.details as { missing?: Missing[] } | undefined)?.missing ?? []).map(
    (m) => ({ ...m, unit: m.unit === 'unit' ? '' : m.unit }),
  );
  replace(
    box,
    h('p', { class: 'error-text' }, h('strong', {}, pt('missingTitle'))),
    h(
      'ul',
      { class: 'missing' },
      missing.map((m) => h('li', { 'data-missing': m.sku }, pt('missingLine', { ...m }))),
    ),
  );
}

function canMakeTable(data: ProductionData): HTMLElement {
  if (data.canMake.length === 0) return h('p', {}, pt('canMakeNone'));
  const names = new Map(data.ingredients.map((i) => [i.sku, i.name]));
  return h(
    'table',
    {},
    h('caption', { class: 'sr-only' }, pt('canMake')),
    head([pt('sku'), pt('batches'), pt('units'), pt('limitedBy')]),
    h(
      'tbody',
      {},
      data.canMake.map((c) =>
        h(
          'tr',
          { 'data-can-make': c.sku },
          h('th', { scope: 'row' }, c.sku),
          h('td', {}, c.batches),
          h('td', {}, c.units),
          h('td', {}, `${names.get(c.limitedBy) ?? ''} (${c.limitedBy})`),
        ),
      ),
    ),
  );
}

function batchTable(batches: Batch[], complete: (b: Batch) => () => Promise<void>): HTMLElement {
  if (batches.length === 0) return h('p', {});
  return h(
    'table',
    {},
    h('caption', {}, pt('history')),
    head([pt('when'), pt('sku'), pt('batches'), pt('quantity'), pt('status'), pt('action')]),
    h(
      'tbody',
      {},
      batches.map((b) =>
        h(
          'tr',
          { 'data-batch': b.id },
          h('td', {}, dateTime(b.plannedAt)),
          h('th', { scope: 'row' }, b.sku),
          h('td', {}, b.batches),
          h('td', {}, b.quantity),
          h('td', {}, pt(`status.${b.status}`)),
          h(
            'td',
            {},
            b.status === 'planned'
              ? h('button', { type: 'button', onclick: () => void complete(b)() }, pt('complete'))
              : null,
          ),
        ),
      ),
    ),
  );
}
