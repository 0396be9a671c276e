import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PUBLIC_ADMIN_PATHS } from '../../functions/admin/auth/require-member.ts';
import { createShop } from '../../functions/admin/shops/create-shop.ts';
import { createAdminApi } from '../../functions/apps/admin-api.ts';
import { signIn } from '../support/admin-session.ts';
import { createTestDeps } from '../support/deps.ts';

/**
 * Tenant isolation, generated from the admin app's route table: every route a member of shop
 * A can call is called with the ids of shop B's documents (and `shopId: B` in the body and the
 * query). It must answer 403 or 404 where it takes an id, leak no byte of B's data, and leave
 * B's documents untouched. A new route is covered the day it is registered.
 */
const A = 'shop-a';
const B = 'shop-b';
const SECRET = 'zzsecretb';
const IMAGE = readFileSync(
  join(import.meta.dirname, '../../functions/local/seed/images/mist-300.webp'),
);

/** Ids of B's documents. They do not carry the secret: echoing an id back is no leak. */
const B_IDS: Record<string, string> = {
  products: 'p_bonly01',
  imports: 'imp_bonly01',
  orders: 'o_bonly01',
  stock: 'SKU-BONLY-1',
  media: 'bonly01.webp',
  subscribers: 'subbonly01',
  campaigns: 'cmp_bonly01',
  'dead-letters': 'evt_bonly01',
};

/**
 * Routes of other domains that answer an id of shop B with 200 and an empty result: no data
 * leaks, but the acceptance asks for 403/404. Listed so the gap stays visible; the test fails
 * when one is fixed, so the entry gets removed.
 */
const KNOWN_EMPTY_200 = new Set<string>([]);

const PRODUCT = {
  status: 'active',
  title: { es: 'Pan' },
  description: { es: '' },
  taxClass: 'reduced',
  variants: [{ sku: 'PAN-1', optionValues: [], price: 300 }],
};

/** Valid bodies for id routes, so they get past validation and reach the shop-scoped lookup. */
const BODIES: Record<string, unknown> = {
  'PUT /api/admin/products/:id': PRODUCT,
  'POST /api/admin/orders/:orderId/status': { to: 'paid' },
  'POST /api/admin/orders/:orderId/refund': {},
  'POST /api/admin/stock/:sku/adjust': { delta: 1, reason: 'adjustment', why: 'count' },
  'PUT /api/admin/production/ingredients/:sku': { name: 'Harina', unit: 'g' },
  'POST /api/admin/production/ingredients/:sku/receive': { quantity: 1 },
  'PUT /api/admin/production/recipes/:sku': {
    productId: 'p_bonly01',
    yield: 1,
    ingredients: [{ sku: 'ING-A-1', quantity: 1 }],
  },
  'PUT /api/admin/production/reorder-points/:sku': { reorderPoint: 1 },
  // Creates without an id in the path: valid, so a shop id in the body would reach the write.
  'POST /api/admin/products': { ...PRODUCT, slug: 'pan-a' },
  'POST /api/admin/production/ingredients': { sku: 'ING-A-2', name: 'Harina', unit: 'g' },
  'POST /api/admin/newsletter/campaigns': {
    name: 'Otoño',
    subject: { es: 'Otoño' },
    blocks: [{ type: 'heading', text: { es: 'Llega el otoño' } }],
  },
  'PUT /api/admin/newsletter/settings': { throttlePerSecond: 5 },
};

/** Creates given a valid body above: each must succeed for A, so the body check is real. */
const VALID_CREATES = [
  'POST /api/admin/products',
  'POST /api/admin/production/ingredients',
  'POST /api/admin/newsletter/campaigns',
  'PUT /api/admin/newsletter/settings',
];

/**
 * Create-or-replace routes whose id names a new document of the member's OWN shop (an
 * ingredient SKU): B's id there creates A's document, so 2xx is right. B must still be
 * untouched and nothing of B may come back; both are checked like everywhere else.
 */
const UPSERT_BY_ID = new Set(['PUT /api/admin/production/ingredients/:sku']);

const B_COLLECTIONS = [
  'products',
  'stock',
  'ledger',
  'orders',
  'members',
  'imports',
  'publishes',
  'secrets',
  'adminSettings',
  'subscribers',
  'campaigns',
  'newsletter',
  'ingredients',
  'recipes',
  'batches',
  'productionTasks',
  'odooSync',
  'collections',
];

function fillParams(path: string): string {
  const segments = path.split('/');
  return segments
    .map((segment, i) => {
      if (!segment.startsWith(':')) return segment;
      const choice = /\{([a-z]+)\|/.exec(segment);
      if (choice) return choice[1]!;
      if (segment === ':sku') return B_IDS.stock!;
      return B_IDS[segments[i - 1] ?? ''] ?? 'bonly-id';
    })
    .join('/');
}

describe('admin tenant isolation (generated from the route table)', () => {
  let t: Awaited<ReturnType<typeof createTestDeps>>;
  let app: ReturnType<typeof createAdminApi>;

  async function dumpB(): Promise<string> {
    const docs = await Promise.all(
      B_COLLECTIONS.map((c) => t.deps.store.query({ collection: `shops/${B}/${c}` })),
    );
    const shop = await t.deps.store.get(`shops/${B}`);
    return JSON.stringify([shop.data, docs.map((list) => list.map((d) => [d.path, d.data]))]);
  }

  beforeAll(async () => {
    t = await createTestDeps();
    app = createAdminApi(t.deps);
    for (const id of [A, B]) {
      await createShop(t.deps, { id, name: `Shop ${id}`, contactEmail: `owner@${id}.example` });
    }
    await t.deps.store.update(`shops/${B}`, { tagline: { es: SECRET } });
    const s = t.deps.store;
    const now = '2026-12-01T09:00:00.000Z';
    await s.set(`shops/${B}/products/${B_IDS.products}`, {
      ...PRODUCT,
      id: B_IDS.products,
      slug: SECRET,
      title: { es: SECRET },
      variants: [{ sku: B_IDS.stock, optionValues: [], price: 999 }],
      collections: [],
      tags: [],
      images: [{ src: `media/${B_IDS.media}`, alt: { es: SECRET }, width: 300, height: 300 }],
      options: [],
      backorder: 'deny',
      createdAt: now,
      updatedAt: now,
    });
    await s.set(`shops/${B}/stock/${B_IDS.stock}`, {
      sku: B_IDS.stock,
      productId: B_IDS.products,
      available: 7,
      reserved: 0,
      sold: 0,
      updatedAt: now,
    });
    await s.set(`shops/${B}/ledger/l_${SECRET}`, {
      sku: B_IDS.stock,
      delta: 7,
      reason: SECRET,
      who: 'x',
      at: now,
    });
    await s.set(`shops/${B}/orders/${B_IDS.orders}`, {
      id: B_IDS.orders,
      number: SECRET,
      status: 'paid',
      createdAt: now,
      customer: { email: `${SECRET}@b.example`, name: SECRET },
      totals: { subtotal: 999, shipping: 0, total: 999 },
    });
    await s.set(`shops/${B}/imports/${B_IDS.imports}`, {
      id: B_IDS.imports,
      status: 'previewed',
      note: SECRET,
    });
    await s.set(`shops/${B}/subscribers/${B_IDS.subscribers}`, {
      id: B_IDS.subscribers,
      email: `${SECRET}@b.example`,
      createdAt: now,
    });
    await s.set(`shops/${B}/campaigns/${B_IDS.campaigns}`, {
      id: B_IDS.campaigns,
      subject: SECRET,
      createdAt: now,
    });
    await s.set(`shops/${B}/secrets/stripe`, {
      publishableKey: `pk_test_${SECRET}`,
      updatedAt: now,
    });
    const mediaDir = join(t.dir, 'media', B);
    await import('node:fs/promises').then(async (fs) => {
      await fs.mkdir(mediaDir, { recursive: true });
      await fs.writeFile(join(mediaDir, B_IDS.media!), IMAGE);
    });
  });
  afterAll(async () => {
    await t.close();
  });

  /** A fresh member of A each time (sign-out routes end the session they are called with). */
  async function requestFor(path: string, key: string, method: string, withShopId: boolean) {
    const headers = await signIn(t.deps, A, 'owner');
    const init: RequestInit = { method, headers };
    if (method === 'GET' || method === 'DELETE') return init;
    if (path.endsWith('/images')) {
      const form = new FormData();
      form.set('file', new Blob([IMAGE]), 'x.webp');
      if (withShopId) form.set('shopId', B);
      return { ...init, body: form };
    }
    const body = { ...((BODIES[key] as object) ?? {}), ...(withShopId ? { shopId: B } : {}) };
    return {
      ...init,
      body: JSON.stringify(body),
      headers: { ...headers, 'content-type': 'application/json' },
    };
  }

  /** Upserts run last: the document they create in A must not answer later routes. */
  function adminRoutes() {
    const seen = new Set<string>();
    const routes = app.routes.filter((r) => {
      const key = `${r.method} ${r.path}`;
      const keep =
        r.method !== 'ALL' &&
        r.path.startsWith('/api/admin/') &&
        !PUBLIC_ADMIN_PATHS.has(r.path) &&
        !/\/(healthz|readyz)$/.test(r.path) &&
        !seen.has(key);
      seen.add(key);
      return keep;
    });
    const last = (r: { method: string; path: string }) => UPSERT_BY_ID.has(`${r.method} ${r.path}`);
    return [...routes.filter((r) => !last(r)), ...routes.filter(last)];
  }

  it('finds the admin routes of every domain in the table', () => {
    const paths = adminRoutes().map((r) => r.path);
    expect(paths.length).toBeGreaterThan(25);
    for (const prefix of ['products', 'imports', 'settings', 'orders', 'stock', 'inventory']) {
      expect(paths.some((p) => p.startsWith(`/api/admin/${prefix}`))).toBe(true);
    }
  });

  it('answers 403/404 with no data of shop B on every route, and never writes to B', {
    timeout: 180_000,
  }, async () => {
    const failures: string[] = [];
    const before = await dumpB();
    const routes = adminRoutes();
    const empty200: string[] = [];
    const timings: [string, number][] = [];
    for (const route of routes) {
      const key = `${route.method} ${route.path}`;
      const hasId = route.path.includes('/:');
      const path = fillParams(route.path);
      const mutating = route.method !== 'GET' && route.method !== 'DELETE';

      const started = performance.now();
      const first = await app.request(path, await requestFor(route.path, key, route.method, false));
      timings.push([key, Math.round(performance.now() - started)]);
      const text = await first.text();
      if (VALID_CREATES.includes(key) && first.status >= 300) {
        failures.push(`${key} refused its valid body → ${first.status}: ${text.slice(0, 160)}`);
      }
      const upsert = UPSERT_BY_ID.has(key) && first.status < 300;
      if (hasId && !upsert && first.status !== 403 && first.status !== 404) {
        if (first.status === 200 && KNOWN_EMPTY_200.has(key) && !text.includes(SECRET)) {
          empty200.push(key);
        } else {
          failures.push(`${key} → ${first.status} (expected 403/404): ${text.slice(0, 160)}`);
        }
      }
      if (text.toLowerCase().includes(SECRET)) failures.push(`${key} leaked shop B data`);

      if (mutating) {
        const url = `${path}?shopId=${B}&shop=${B}`;
        const second = await app.request(
          url,
          await requestFor(route.path, key, route.method, true),
        );
        if ((await second.text()).toLowerCase().includes(SECRET)) {
          failures.push(`${key} with shopId=${B} leaked shop B data`);
        }
      }
      if (route.method !== 'GET' && (await dumpB()) !== before) {
        failures.push(`${key} changed shop B's documents`);
      }
    }
    expect(empty200.sort()).toEqual([...KNOWN_EMPTY_200].sort());
    expect(failures).toEqual([]);
    const slowest = timings.sort((a, b) => b[1] - a[1]).slice(0, 3);
    console.log(
      `isolation: ${routes.length} admin routes checked; slowest ${JSON.stringify(slowest)}`,
    );
  });
});
