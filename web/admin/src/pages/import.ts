import { api } from '../api.ts';
import { announce, field, h, input, replace, select } from '../dom.ts';
import { t } from '../i18n.ts';
import { attempt } from '../shell.ts';

interface Issue {
  row: number;
  column?: string;
  message: string;
}
interface ImportDoc {
  id: string;
  status: string;
  summary: Record<'products' | 'creates' | 'updates' | 'variants' | 'images', number>;
  errors: Issue[];
  warnings: Issue[];
  progress: { done: number; total: number };
}

function issuesTable(caption: string, issues: Issue[]): HTMLElement {
  return h(
    'table',
    {},
    h('caption', {}, caption),
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        h('th', { scope: 'col' }, t('import.row')),
        h('th', { scope: 'col' }, t('import.column')),
        h('th', { scope: 'col' }, t('import.problem')),
      ),
    ),
    h(
      'tbody',
      {},
      issues.map((e) =>
        h(
          'tr',
          {},
          h('th', { scope: 'row' }, e.row),
          h('td', {}, e.column ?? ''),
          h('td', {}, e.message),
        ),
      ),
    ),
  );
}

/** Upload → dry-run preview with errors by row → confirm → progress → result. */
export async function renderImport(main: HTMLElement): Promise<void> {
  const file = input({ type: 'file', name: 'csv', accept: '.csv,text/csv', required: true });
  const taxClass = select(
    (['general', 'reduced', 'super_reduced'] as const).map((s) => [s, t(`edit.tax.${s}`)]),
    'general',
    { name: 'taxClass' },
  );
  const result = h('div', { id: 'import-result' });
  const form = h(
    'form',
    { class: 'card' },
    field(t('import.file'), file),
    field(t('import.taxClass'), taxClass),
    h('button', { type: 'submit', class: 'primary' }, t('import.preview')),
  );

  async function apply(doc: ImportDoc, button: HTMLButtonElement): Promise<void> {
    button.disabled = true;
    const progress = h('progress', {
      max: doc.progress.total,
      value: 0,
      'aria-label': t('import.apply'),
    });
    const label = h(
      'p',
      { 'aria-live': 'polite' },
      t('import.progress', { done: 0, total: doc.progress.total }),
    );
    result.append(progress, label);
    const poll = setInterval(() => {
      void api<ImportDoc>('GET', `/imports/${doc.id}`).then((d) => {
        progress.value = d.progress.done;
        label.textContent = t('import.progress', d.progress);
      });
    }, 1000);
    try {
      const done = await api<ImportDoc>('POST', `/imports/${doc.id}/apply`);
      progress.value = done.progress.done;
      label.textContent = t('import.done', { done: done.progress.done });
      if (done.warnings.length) result.append(issuesTable(t('import.warnings'), done.warnings));
      announce(t('import.done', { done: done.progress.done }));
    } finally {
      clearInterval(poll);
    }
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void attempt(async () => {
      const chosen = file.files?.[0];
      if (!chosen) return;
      const doc = await api<ImportDoc>(
        'POST',
        `/imports?taxClass=${taxClass.value}`,
        await chosen.text(),
      );
      const confirm = h('button', { type: 'button', class: 'primary' }, t('import.apply'));
      confirm.addEventListener('click', () => void attempt(() => apply(doc, confirm)));
      replace(
        result,
        h('h2', {}, t('import.preview')),
        h('p', {}, t('import.summary', doc.summary)),
        doc.errors.length ? issuesTable(t('import.errors'), doc.errors) : null,
        h('p', {}, t('import.nothingYet')),
        doc.summary.products > 0 ? confirm : null,
      );
      announce(t('import.summary', doc.summary));
    });
  });
  replace(
    main,
    h('h1', {}, t('import.title')),
    form,
    result,
    h(
      'p',
      {},
      h('a', { href: '/api/admin/exports/products.csv', download: '' }, t('products.export')),
    ),
  );
}
