import { api, setCsrfToken } from './api.ts';
import { h } from './dom.ts';
import { t } from './i18n.ts';
import { renderDashboard } from './pages/dashboard.ts';
import { renderImport } from './pages/import.ts';
import { renderInventory } from './pages/inventory.ts';
import { renderNewsletter } from './pages/newsletter.ts';
import { renderOdoo } from './pages/odoo.ts';
import { renderOrder } from './pages/order.ts';
import { renderOrders } from './pages/orders.ts';
import { renderProductEdit } from './pages/product-edit.ts';
import { renderProduction } from './pages/production.ts';
import { renderProducts } from './pages/products.ts';
import { renderSettings } from './pages/settings.ts';
import { renderSignIn } from './pages/sign-in.ts';
import { renderShell, type Session } from './shell.ts';

type Page = (main: HTMLElement, session: Session) => Promise<void>;

const PAGES: Record<string, Page> = {
  dashboard: renderDashboard,
  products: renderProducts,
  product: renderProductEdit,
  import: renderImport,
  inventory: renderInventory,
  orders: renderOrders,
  order: renderOrder,
  settings: renderSettings,
  newsletter: renderNewsletter,
  production: renderProduction,
  odoo: renderOdoo,
};

async function boot(): Promise<void> {
  const page = document.body.dataset.page ?? 'dashboard';
  if (page === 'sign-in') {
    await renderSignIn(renderShell(page, undefined));
    return;
  }
  const session = await api<Session>('GET', '/session');
  setCsrfToken(session.csrfToken);
  const main = renderShell(page, session);
  main.append(h('p', {}, t('loading')));
  await PAGES[page]!(main, session);
  document.body.dataset.ready = 'true';
}

void boot().catch((error: unknown) => {
  if ((error as { status?: number }).status === 401) return;
  document.body.append(h('p', { role: 'alert' }, (error as Error).message));
});
