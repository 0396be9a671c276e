import { api } from '../api.ts';
import { announce, field, h, input, replace, select } from '../dom.ts';
import { dateTime, t } from '../i18n.ts';
import { attempt } from '../shell.ts';
import { renderDeadLetters, renderSyncLog } from './odoo-log.ts';
import { type OdooKey, ot } from './odoo-texts.ts';

interface ConnectionCheck {
  ok: boolean;
  at: string;
  version?: string;
  transport?: string;
  code?: string;
  message?: string;
  hint?: string;
}
export interface OdooSettings {
  url: string;
  db: string;
  login: string;
  transport: 'auto' | 'xmlrpc' | 'json2';
  stockMaster: 'konta' | 'odoo';
  stockField: 'free_qty' | 'qty_available';
  enabled: boolean;
  apiKeySet: boolean;
  lastCheck?: ConnectionCheck;
}

const loadSettings = async () =>
  (await api<{ settings: OdooSettings | null }>('GET', '/odoo/settings')).settings;

/** The Odoo connection: settings, the test button, manual sync, the sync log, dead letters. */
export async function renderOdoo(main: HTMLElement): Promise<void> {
  const settings = await loadSettings();
  const checkBox = h('div', { id: 'odoo-check' });
  const log = h('section', { class: 'card', 'aria-labelledby': 'odoo-log-h' });
  const dead = h('section', { class: 'card', 'aria-labelledby': 'odoo-dead-h' });
  const refreshLists = () =>
    Promise.all([renderSyncLog(log), renderDeadLetters(dead, refreshLists)]);
  renderCheck(checkBox, settings?.lastCheck);

  const test = async () => {
    announce(ot('testing'));
    try {
      const result = await api<{ productsWithSku: number }>('POST', '/odoo/test-connection');
      const saved = await loadSettings();
      renderCheck(checkBox, saved?.lastCheck, result.productsWithSku);
      announce(ot('checkOk', checkValues(saved?.lastCheck)));
    } catch (error) {
      const saved = await loadSettings().catch(() => null);
      const failed = saved?.lastCheck && !saved.lastCheck.ok ? saved.lastCheck : undefined;
      renderCheck(checkBox, failed ?? { ok: false, at: '', message: (error as Error).message });
      announce((error as Error).message, 'error');
    }
    await refreshLists();
  };
  const queue = (path: string, done: OdooKey) => async () => {
    await api('POST', path);
    announce(ot(done));
    await waitForLog(log);
    await refreshLists();
  };

  replace(
    main,
    h('h1', {}, ot('title')),
    h('p', {}, ot('intro')),
    connectionForm(settings),
    h(
      'section',
      { class: 'card', 'aria-labelledby': 'odoo-check-h' },
      h('h2', { id: 'odoo-check-h' }, ot('check')),
      checkBox,
      h('button', { type: 'button', onclick: () => void attempt(test) }, ot('test')),
    ),
    h(
      'section',
      { class: 'card', 'aria-labelledby': 'odoo-sync-h' },
      h('h2', { id: 'odoo-sync-h' }, ot('sync')),
      h(
        'div',
        { class: 'actions' },
        h(
          'button',
          {
            type: 'button',
            onclick: () => void attempt(queue('/odoo/push-products', 'pushQueued')),
          },
          ot('push'),
        ),
        h(
          'button',
          { type: 'button', onclick: () => void attempt(queue('/odoo/pull', 'pullQueued')) },
          ot('pull'),
        ),
      ),
    ),
    log,
    dead,
  );
  await refreshLists();
}

function connectionForm(settings: OdooSettings | null): HTMLFormElement {
  const url = input({ type: 'url', name: 'url', required: true, value: settings?.url ?? '' });
  const db = input({ name: 'db', required: true, value: settings?.db ?? '' });
  const login = input({ name: 'login', required: true, value: settings?.login ?? '' });
  const apiKey = input({
    type: 'password',
    name: 'apiKey',
    autocomplete: 'off',
    minlength: 8,
    required: !settings?.apiKeySet,
  });
  const transport = select(
    [
      ['auto', ot('transportAuto')],
      ['xmlrpc', ot('transportXmlrpc')],
      ['json2', ot('transportJson2')],
    ],
    settings?.transport ?? 'auto',
    { name: 'transport' },
  );
  const stockMaster = select(
    [
      ['konta', ot('stockKonta')],
      ['odoo', ot('stockOdoo')],
    ],
    settings?.stockMaster ?? 'konta',
    { name: 'stockMaster' },
  );
  const stockField = select(
    [
      ['free_qty', ot('stockFree')],
      ['qty_available', ot('stockOnHand')],
    ],
    settings?.stockField ?? 'free_qty',
    { name: 'stockField' },
  );
  const enabled = input({
    type: 'checkbox',
    name: 'enabled',
    id: 'odoo-enabled',
    checked: settings?.enabled ?? true,
  });
  const keyField = field(ot('apiKey'), apiKey, ot('apiKeyNew'));
  const showKeyHint = (set: boolean) => {
    const hint = keyField.querySelector('.hint');
    if (hint) hint.textContent = set ? ot('apiKeySaved') : ot('apiKeyNew');
    apiKey.required = !set;
  };
  showKeyHint(settings?.apiKeySet ?? false);

  const form = h(
    'form',
    { class: 'card', 'aria-labelledby': 'odoo-conn-h' },
    h('h2', { id: 'odoo-conn-h' }, ot('connection')),
    field(ot('url'), url, ot('urlHint')),
    field(ot('db'), db),
    field(ot('login'), login),
    keyField,
    field(ot('transport'), transport),
    field(ot('stockMaster'), stockMaster),
    field(ot('stockField'), stockField),
    h('div', { class: 'check' }, enabled, h('label', { for: 'odoo-enabled' }, ot('enabled'))),
    h('button', { type: 'submit', class: 'primary' }, t('save')),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void attempt(async () => {
      const { settings: saved } = await api<{ settings: OdooSettings }>('PUT', '/odoo/settings', {
        url: url.value.trim(),
        db: db.value.trim(),
        login: login.value.trim(),
        ...(apiKey.value ? { apiKey: apiKey.value } : {}),
        transport: transport.value,
        stockMaster: stockMaster.value,
        stockField: stockField.value,
        enabled: enabled.checked,
      });
      apiKey.value = '';
      showKeyHint(saved.apiKeySet);
      announce(ot('saved'));
    });
  });
  return form;
}

function checkValues(check: ConnectionCheck | undefined) {
  return {
    at: check?.at ? dateTime(check.at) : '',
    version: check?.version ?? '?',
    transport: check?.transport ?? '?',
  };
}

function renderCheck(box: HTMLElement, check: ConnectionCheck | undefined, products?: number) {
  if (!check) {
    replace(box, h('p', {}, ot('neverChecked')));
    return;
  }
  if (check.ok) {
    box.className = 'check-result ok';
    replace(
      box,
      h('p', {}, ot('checkOk', checkValues(check))),
      products === undefined ? null : h('p', {}, ot('products', { n: products })),
    );
    return;
  }
  box.className = 'check-result error';
  replace(
    box,
    check.at ? h('p', {}, ot('checkFailed', checkValues(check))) : null,
    h('p', { class: 'error-text' }, h('strong', {}, check.message ?? check.code ?? '')),
    check.hint ? h('p', { class: 'hint' }, check.hint) : null,
  );
}

/** After queuing work, re-reads the log until a new entry shows (the outbox runs it). */
async function waitForLog(log: HTMLElement): Promise<void> {
  const first = () => log.querySelector('tbody tr')?.getAttribute('data-entry') ?? '';
  const before = first();
  for (let i = 0; i < 20; i++) {
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    await renderSyncLog(log);
    if (first() !== before) return;
  }
}
