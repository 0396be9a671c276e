import type { Hono } from 'hono';
import { z } from 'zod';
import type { Deps } from '../../deps.ts';
import { readQuery } from '../../http/body.ts';
import type { AppEnv } from '../../http/types.ts';

const SearchQuery = z.object({ q: z.string().trim().min(1).max(100) });

/** How many recent orders a text search reads; older orders are found by number elsewhere. */
export const ORDER_SEARCH_WINDOW = 1000;

/**
 * Text search over the shop's recent orders (number, customer name and email), beside the
 * orders domain's list and detail routes. Returns summaries, not whole orders.
 */
export function registerOrderSearchRoutes(app: Hono<AppEnv>, deps: Deps): void {
  app.get('/api/admin/order-search', async (c) => {
    const { shopId } = c.get('member');
    const { q } = readQuery(c, SearchQuery);
    const snaps = await deps.store.query({
      collection: `shops/${shopId}/orders`,
      orderBy: [{ field: 'createdAt', direction: 'desc' }],
      limit: ORDER_SEARCH_WINDOW,
    });
    const needle = q.toLowerCase();
    const orders = snaps
      .map((s) => s.data as Record<string, unknown>)
      .filter((o) => {
        const customer = (o.customer ?? {}) as { name?: string; email?: string };
        const hay = `${o.number} ${customer.name ?? ''} ${customer.email ?? ''}`.toLowerCase();
        return hay.includes(needle);
      })
      .slice(0, 50)
      .map(({ statusToken: _secret, ...order }) => order);
    return c.json({ orders });
  });
}
