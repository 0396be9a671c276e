import { announce, h, input } from '../dom.ts';
import { t } from '../i18n.ts';
import { attempt } from '../shell.ts';

/** A settings section: its own form, heading and save button; saving announces the result. */
export function section(
  id: string,
  title: string,
  body: (HTMLElement | null)[],
  save: () => Promise<unknown>,
) {
  const form = h(
    'form',
    { class: 'card', 'aria-labelledby': `${id}-h` },
    h('h2', { id: `${id}-h` }, title),
    body,
    h('button', { type: 'submit', class: 'primary' }, t('save')),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void attempt(async () => {
      await save();
      announce(`${title}: ${t('saved')}`);
    });
  });
  return form;
}

export const text = (value: string | undefined, attrs: Record<string, string> = {}) =>
  input({ value: value ?? '', ...attrs });
export const area = (value: string | undefined, name: string) => {
  const el = h('textarea', { name, rows: 4 });
  el.value = value ?? '';
  return el;
};
