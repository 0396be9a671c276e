import { api } from '../api.ts';
import { announce, h, replace } from '../dom.ts';
import { dateTime } from '../i18n.ts';
import { attempt } from '../shell.ts';
import { type OdooKey, ot } from './odoo-texts.ts';

interface LogEntry {
  id: string;
  kind: string;
  ok: boolean;
  at: string;
  summary: Record<string, unknown>;
  error?: { code: string; message: string; hint?: string };
}
interface DeadLetter {
  id: string;
  type: string;
  orderId?: string;
  attempts: number;
  lastError?: string;
  failedAt?: string;
  createdAt: string;
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

/** One line per summary field: `created: 3`, adjusted SKUs as `SKU 10 → 25`. */
function summaryText(summary: Record<string, unknown>): string {
  return Object.entries(summary)
    .map(([key, value]) => {
      if (Array.isArray(value)) {
        const items = value.map((v) =>
          v && typeof v === 'object' && 'sku' in v && 'to' in v
            ? `${String(v.sku)} ${String((v as { from?: unknown }).from ?? '')} → ${String(v.to)}`
            : typeof v === 'object'
              ? JSON.stringify(v)
              : String(v),
        );
        return `${key}: ${items.length ? items.join(', ') : '0'}`;
      }
      return `${key}: ${typeof value === 'object' ? JSON.stringify(value) : String(value)}`;
    })
    .join(' · ');
}

const kindLabel = (kind: string) => {
  const key = `kind.${kind}` as OdooKey;
  return ot(key) || kind;
};

/** The sync log table, newest first, with "show more" following the cursor. */
export async function renderSyncLog(section: HTMLElement): Promise<void> {
  const body = h('tbody', {});
  const more = h('button', { type: 'button' }, ot('more'));
  const load = async (after?: string) => {
    const query = after ? `&after=${encodeURIComponent(after)}` : '';
    const page = await api<{ entries: LogEntry[]; next?: string | null }>(
      'GET',
      `/odoo/log?limit=50${query}`,
    );
    for (const e of page.entries) {
      body.append(
        h(
          'tr',
          { 'data-entry': e.id, 'data-kind': e.kind },
          h('td', {}, dateTime(e.at)),
          h('th', { scope: 'row' }, kindLabel(e.kind)),
          h('td', { class: e.ok ? 'ok-text' : 'error-text' }, e.ok ? ot('ok') : ot('failed')),
          h(
            'td',
            {},
            e.error ? h('strong', {}, e.error.message) : summaryText(e.summary),
            e.error?.hint ? h('p', { class: 'hint' }, e.error.hint) : null,
          ),
        ),
      );
    }
    more.hidden = !page.next;
    more.onclick = () => void attempt(() => load(page.next ?? undefined));
  };
  const table = h(
    'table',
    {},
    h('caption', { id: 'odoo-log-h' }, ot('log')),
    head([ot('when'), ot('kind'), ot('result'), ot('detail')]),
    body,
  );
  await load();
  replace(
    section,
    table,
    h(
      'div',
      { class: 'actions' },
      more,
      h(
        'button',
        { type: 'button', onclick: () => void attempt(() => renderSyncLog(section)) },
        ot('refresh'),
      ),
    ),
  );
}

/** Odoo events that gave up, each with a Retry button. */
export async function renderDeadLetters(
  section: HTMLElement,
  refresh: () => Promise<unknown>,
): Promise<void> {
  const { deadLetters } = await api<{ deadLetters: DeadLetter[] }>('GET', '/odoo/dead-letters');
  const retry = (d: DeadLetter) => () =>
    attempt(async () => {
      await api('POST', `/odoo/dead-letters/${encodeURIComponent(d.id)}/retry`);
      announce(ot('retried'));
      await refresh();
    });
  replace(
    section,
    h('h2', { id: 'odoo-dead-h' }, ot('dead')),
    deadLetters.length === 0
      ? h('p', {}, ot('deadNone'))
      : h(
          'table',
          {},
          head([
            ot('type'),
            ot('order'),
            ot('attempts'),
            ot('lastError'),
            ot('failedAt'),
            ot('action'),
          ]),
          h(
            'tbody',
            {},
            deadLetters.map((d) =>
              h(
                'tr',
                { 'data-dead': d.id, 'data-type': d.type },
                h('th', { scope: 'row' }, kindLabel(d.type.replace(/^odoo\./, ''))),
                h('td', {}, d.orderId ?? ''),
                h('td', {}, d.attempts),
                h('td', {}, d.lastError ?? ''),
                h('td', {}, dateTime(d.failedAt ?? d.createdAt)),
                h('td', {}, h('button', { type: 'button', onclick: retry(d) }, ot('retry'))),
              ),
            ),
          ),
        ),
  );
}
