import { api } from './api.ts';
import { announce, field, h, select } from './dom.ts';
import { type Key, locale, setLocale, t } from './i18n.ts';

export interface Session {
  user: { id: string; email: string };
  shopId: string;
  role: 'owner' | 'staff';
  shops: { shopId: string; name: string; role: string }[];
  csrfToken: string;
}

const NAV: [string, string, Key][] = [
  ['dashboard', 'index.html', 'nav.dashboard'],
  ['products', 'products.html', 'nav.products'],
  ['import', 'import.html', 'nav.import'],
  ['inventory', 'inventory.html', 'nav.inventory'],
  ['orders', 'orders.html', 'nav.orders'],
  ['newsletter', 'newsletter.html', 'nav.newsletter'],
  ['production', 'production.html', 'nav.production'],
  ['odoo', 'odoo.html', 'nav.odoo'],
  ['settings', 'settings.html', 'nav.settings'],
];

const SECTION_OF: Record<string, string> = { product: 'products', order: 'orders' };

function languageSwitch(): HTMLElement {
  const choice = select(
    [
      ['es', 'Español'],
      ['en', 'English'],
    ],
    locale(),
  );
  choice.addEventListener('change', () => {
    setLocale(choice.value === 'en' ? 'en' : 'es');
    location.reload();
  });
  return field(t('shell.language'), choice);
}

function shopSwitch(session: Session): HTMLElement | null {
  if (session.shops.length < 2) return null;
  const choice = select(
    session.shops.map((s) => [s.shopId, s.name]),
    session.shopId,
  );
  choice.addEventListener('change', async () => {
    await api('PUT', '/session/shop', { shopId: choice.value });
    location.assign('index.html');
  });
  return field(t('shell.shop'), choice);
}

async function signOut(everywhere: boolean): Promise<void> {
  await api('POST', everywhere ? '/session/sign-out-everywhere' : '/session/sign-out');
  location.assign('sign-in.html');
}

/** Header, navigation and the `main` landmark; returns `main` for the page to fill. */
export function renderShell(page: string, session: Session | undefined): HTMLElement {
  document.documentElement.lang = locale();
  const main = h('main', { id: 'main', tabindex: '-1' });
  const current = SECTION_OF[page] ?? page;
  const shopName = session?.shops.find((s) => s.shopId === session.shopId)?.name ?? '';
  const header = h(
    'header',
    { class: 'top' },
    h('p', { class: 'brand' }, t('app.name'), shopName ? ` · ${shopName}` : ''),
    h(
      'div',
      { class: 'tools' },
      languageSwitch(),
      session ? shopSwitch(session) : null,
      session
        ? h('button', { type: 'button', onclick: () => void signOut(false) }, t('shell.signOut'))
        : null,
      session
        ? h(
            'button',
            { type: 'button', class: 'link', onclick: () => void signOut(true) },
            t('shell.signOutAll'),
          )
        : null,
    ),
  );
  const nav = session
    ? h(
        'nav',
        { 'aria-label': t('nav.label') },
        h(
          'ul',
          {},
          NAV.map(([id, href, key]) =>
            h(
              'li',
              {},
              h('a', { href, 'aria-current': id === current ? 'page' : undefined }, t(key)),
            ),
          ),
        ),
      )
    : null;
  const status = h('p', { id: 'status', class: 'status', role: 'status', 'aria-live': 'polite' });
  document.body.replaceChildren(
    h('a', { class: 'skip', href: '#main' }, t('skip')),
    header,
    nav ?? '',
    main,
    status,
  );
  return main;
}

/** Runs an action, reporting failure in the status region instead of throwing. */
export async function attempt(action: () => Promise<void>): Promise<void> {
  try {
    await action();
  } catch (error) {
    announce((error as Error).message || t('error.generic'), 'error');
  }
}
