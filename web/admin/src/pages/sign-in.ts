import { ApiError, api } from '../api.ts';
import { announce, field, h, input, replace } from '../dom.ts';
import { locale, t } from '../i18n.ts';

function errorText(error: unknown): string {
  if (error instanceof ApiError && error.code === 'rate_limited') return t('signin.limited');
  if (error instanceof ApiError && error.status === 401) return t('signin.invalid');
  return (error as Error).message;
}

/**
 * Two steps on one page: ask for a link by email; or, opened from the email with `?token=`,
 * a button that exchanges it for a session (a button, so mail scanners that prefetch links
 * cannot use up the single-use token).
 */
export async function renderSignIn(main: HTMLElement): Promise<void> {
  const token = new URLSearchParams(location.search).get('token');
  const title = h('h1', {}, t('signin.title'));
  if (token) {
    const enter = h('button', { type: 'submit' }, t('signin.enter'));
    const form = h('form', { class: 'card narrow' }, h('p', {}, t('signin.confirm')), enter);
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      enter.disabled = true;
      try {
        await api('POST', '/auth/verify', { token });
        const next = new URLSearchParams(location.search).get('next');
        location.assign(next?.startsWith('/admin/') ? next : 'index.html');
      } catch (error) {
        enter.disabled = false;
        announce(errorText(error), 'error');
      }
    });
    replace(main, title, form);
    document.body.dataset.ready = 'true';
    return;
  }

  const email = input({ type: 'email', name: 'email', autocomplete: 'email', required: true });
  const send = h('button', { type: 'submit' }, t('signin.send'));
  const form = h('form', { class: 'card narrow' }, field(t('signin.email'), email), send);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    send.disabled = true;
    try {
      await api('POST', '/auth/link', { email: email.value, locale: locale() });
      announce(t('signin.sent'));
    } catch (error) {
      announce(errorText(error), 'error');
    } finally {
      send.disabled = false;
    }
  });
  replace(main, title, form);
  document.body.dataset.ready = 'true';
}
