import type { Hono } from 'hono';
import type { Deps } from '../../functions/deps.ts';
import { createApp } from '../../functions/http/app.ts';
import type { AppEnv, Member } from '../../functions/http/types.ts';
import { subscriberIdOf, subscriberPath } from '../../functions/newsletter/keys.ts';
import { newsletterOutboxHandlers } from '../../functions/newsletter/outbox-handlers.ts';
import { registerNewsletterAdminRoutes } from '../../functions/newsletter/routes/admin-routes.ts';
import { registerNewsletterPublicRoutes } from '../../functions/newsletter/routes/public-routes.ts';
import { drainOutbox } from '../../functions/outbox/drain-outbox.ts';
import type { CampaignContent } from '../../shared/newsletter/campaign.ts';
import type { Subscriber } from '../../shared/newsletter/subscriber.ts';

export const SHOP = 'horno-bueno';
export const PUBLIC_BASE_URL = 'https://konta.example';

export async function seedShop(deps: Deps, shopId = SHOP, extra: Record<string, unknown> = {}) {
  await deps.store.set(`shops/${shopId}`, {
    id: shopId,
    name: 'Horno Bueño',
    plan: 'catalog',
    currency: 'EUR',
    locales: ['es', 'en'],
    defaultLocale: 'es',
    contactEmail: 'hola@horno.example',
    siteUrl: 'https://horno.example',
    createdAt: '2026-01-01T00:00:00.000Z',
    settings: { newsletter: { enabled: true, formVersion: 'storefront-v1' } },
    ...extra,
  });
}

export async function seedProduct(deps: Deps, id: string, overrides: Record<string, unknown> = {}) {
  await deps.store.set(`shops/${SHOP}/products/${id}`, {
    id,
    slug: id,
    status: 'active',
    title: { es: `Pan ${id}`, en: `Bread ${id}` },
    description: { es: 'Rico', en: 'Tasty' },
    collections: ['panes'],
    tags: [],
    images: [
      { src: `media/${id}.webp`, alt: { es: 'Foto', en: 'Photo' }, width: 600, height: 600 },
    ],
    taxClass: 'super_reduced',
    options: [],
    variants: [{ sku: `${id.toUpperCase()}-1`, optionValues: [], price: 450 }],
    backorder: 'deny',
    createdAt: '2026-11-28T00:00:00.000Z',
    updatedAt: '2026-11-28T00:00:00.000Z',
    ...overrides,
  });
}

/** Storefront-style app with only the newsletter's public routes. */
export function publicApp(deps: Deps): Hono<AppEnv> {
  const app = createApp(deps.log);
  registerNewsletterPublicRoutes(app, deps);
  return app;
}

/**
 * Admin app for tests: a stand-in for the admin auth middleware that sets `member` from a
 * header, so tests can act as members of different shops.
 */
export function adminApp(deps: Deps): Hono<AppEnv> {
  const app = createApp(deps.log);
  app.use(async (c, next) => {
    const member: Member = {
      userId: 'u1',
      shopId: c.req.header('x-test-shop') ?? SHOP,
      role: 'owner',
    };
    c.set('member', member);
    await next();
  });
  registerNewsletterAdminRoutes(app, deps);
  return app;
}

export function json(body: unknown, headers: Record<string, string> = {}): RequestInit {
  return {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  };
}

export async function drain(deps: Deps) {
  return drainOutbox(deps, newsletterOutboxHandlers);
}

export async function getSubscriber(deps: Deps, email: string, shopId = SHOP) {
  const id = subscriberIdOf(deps.secretKey, shopId, email);
  const snap = await deps.store.get<Subscriber>(subscriberPath(shopId, id));
  return snap.data;
}

/** Writes subscribers directly (500 per batch) for sending tests. */
export async function seedSubscribers(
  deps: Deps,
  list: { email: string; status: Subscriber['status']; locale?: 'es' | 'en'; tags?: string[] }[],
  shopId = SHOP,
) {
  const at = '2026-11-01T00:00:00.000Z';
  for (let i = 0; i < list.length; i += 500) {
    const batch = deps.store.batch();
    for (const s of list.slice(i, i + 500)) {
      const id = subscriberIdOf(deps.secretKey, shopId, s.email);
      const doc: Subscriber = {
        id,
        email: s.email,
        status: s.status,
        locale: s.locale ?? 'es',
        tags: s.tags ?? [],
        consent: {
          at,
          ip: '203.0.113.9',
          userAgent: 'test',
          formVersion: 'storefront-v1',
          source: 'storefront',
          locale: s.locale ?? 'es',
        },
        confirmation: s.status === 'confirmed' ? { at, ip: null } : null,
        imported: false,
        confirmationSentAt: at,
        unsubscribedAt: null,
        bouncedAt: null,
        createdAt: at,
        updatedAt: at,
      };
      batch.set(subscriberPath(shopId, id), doc);
    }
    await batch.commit();
  }
}

/** Every `List-Unsubscribe:` header line in a raw message. */
export function headerLines(raw: Buffer, name: string): string[] {
  const head = raw.toString('utf8').split(/\r?\n\r?\n/)[0] ?? '';
  const unfolded = head.replace(/\r?\n[ \t]+/g, ' ');
  return unfolded
    .split(/\r?\n/)
    .filter((l) => l.toLowerCase().startsWith(`${name.toLowerCase()}:`));
}

/** A campaign with every block type, in Spanish and English. */
export const CONTENT: CampaignContent = {
  name: 'Otoño',
  subject: { es: 'Novedades de otoño: ñandú 🍞', en: 'Autumn news 🍞' },
  preheader: { es: 'Pan nuevo', en: 'New bread' },
  blocks: [
    { type: 'heading', text: { es: 'Llega el otoño', en: 'Autumn is here' } },
    {
      type: 'text',
      markdown: {
        es: 'Hola, **vecina**. Mira [la tienda](/es/) <script>alert(1)</script>',
        en: 'Hello, **neighbour**. See [the shop](/en/)',
      },
    },
    { type: 'image', src: '/media/banner.webp', alt: { es: 'Horno', en: 'Oven' } },
    { type: 'products', productIds: ['hogaza'] },
    { type: 'button', label: { es: 'Comprar', en: 'Shop now' }, href: '/es/' },
  ],
  segment: { kind: 'all' },
};
