import { api } from '../api.ts';
import { announce, h, replace } from '../dom.ts';
import { dateTime, t } from '../i18n.ts';
import { attempt } from '../shell.ts';

interface Run {
  status: 'running' | 'published' | 'failed';
  startedAt: string;
  finishedAt?: string;
  products?: number;
  ms?: number;
  error?: string;
}

/** The publish button with the build's progress and the last publish time. */
export function publishPanel(): HTMLElement {
  const last = h('p', { id: 'last-publish' });
  const progress = h('p', { id: 'publish-progress', 'aria-live': 'polite' });
  const button = h('button', { type: 'button', class: 'primary' }, t('publish.button'));

  async function refresh(): Promise<void> {
    const info = await api<{ lastPublished: Run | null }>('GET', '/publish');
    const when = info.lastPublished?.finishedAt;
    replace(last, when ? t('publish.last', { when: dateTime(when) }) : t('publish.never'));
  }

  button.addEventListener('click', () =>
    attempt(async () => {
      button.disabled = true;
      button.setAttribute('aria-busy', 'true');
      const started = Date.now();
      const timer = setInterval(() => {
        const seconds = Math.round((Date.now() - started) / 1000);
        replace(
          progress,
          h('progress', { 'aria-label': t('publish.running') }),
          ` ${t('publish.running')} ${seconds} s`,
        );
      }, 500);
      replace(progress, t('publish.running'));
      try {
        const run = await api<Run>('POST', '/publish');
        const message =
          run.status === 'published'
            ? t('publish.done', {
                products: run.products ?? 0,
                seconds: ((run.ms ?? 0) / 1000).toFixed(1),
              })
            : t('publish.failed', { error: run.error ?? '' });
        replace(progress, message);
        announce(message, run.status === 'published' ? 'ok' : 'error');
        await refresh();
      } finally {
        clearInterval(timer);
        button.disabled = false;
        button.removeAttribute('aria-busy');
      }
    }),
  );
  void attempt(refresh);
  return h(
    'section',
    { class: 'card', 'aria-labelledby': 'publish-h' },
    h('h2', { id: 'publish-h' }, t('publish.title')),
    last,
    button,
    progress,
  );
}
