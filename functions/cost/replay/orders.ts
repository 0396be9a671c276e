import type { ReplayClient } from './client.ts';

interface ProductList {
  products: { id: string; variants: { sku: string; price: number }[] }[];
}

/** Drains the outbox the way the scheduled job does, until a run finds nothing due. */
export async function drainOutbox(client: ReplayClient): Promise<number> {
  let handled = 0;
  for (let runs = 0; runs < 200; runs++) {
    const { data } = await client.json<{ done: number; retried: number; dead: number }>(
      '/jobs/outbox/drain',
      undefined,
      { method: 'POST' },
    );
    const n = (data?.done ?? 0) + (data?.retried ?? 0) + (data?.dead ?? 0);
    handled += n;
    if (n === 0) return handled;
  }
  return handled;
}

/**
 * A month of orders in `weeks` rounds: the merchant records the week's production for every
 * SKU, customers place orders (bank transfer, local delivery) and open their status page, the
 * outbox sends the confirmations, and the merchant marks each order paid then shipped.
 */
export async function replayOrders(
  client: ReplayClient,
  admin: Record<string, string>,
  shopId: string,
  orders: number,
  options: { weeks?: number; progress?: (done: number) => void } = {},
): Promise<{ placed: number; refused: number; outboxEvents: number }> {
  const weeks = options.weeks ?? 4;
  const { data } = await client.json<ProductList>(`/api/shops/${shopId}/products?limit=100`);
  const skus = (data?.products ?? []).flatMap((p) => p.variants.map((v) => v.sku));
  if (skus.length === 0) throw new Error(`Shop ${shopId} lists no products to order.`);

  let placed = 0;
  let refused = 0;
  let outboxEvents = 0;
  for (let week = 0; week < weeks; week++) {
    for (const sku of skus) {
      await client.json(
        `/api/admin/stock/${encodeURIComponent(sku)}/adjust`,
        { delta: 30, reason: 'production', why: `week ${week + 1} batch` },
        { headers: admin },
      );
    }
    const count = Math.round(((week + 1) * orders) / weeks) - Math.round((week * orders) / weeks);
    for (let i = 0; i < count; i++) {
      const n = placed + refused;
      const lines = [{ sku: skus[n % skus.length]!, quantity: 1 + (n % 2) }];
      if (n % 3 === 0) lines.push({ sku: skus[(n * 7 + 1) % skus.length]!, quantity: 1 });
      const unique = [...new Map(lines.map((l) => [l.sku, l])).values()];
      const res = await client.json<{ orderId: string; statusUrl: string }>(
        `/api/shops/${shopId}/checkout`,
        {
          lines: unique,
          customer: { name: `Cliente ${n}`, email: `cliente${n}@example.com`, locale: 'es' },
          fulfilment: {
            method: 'shipping',
            methodId: 'reparto-local',
            address: {
              line1: 'Calle Mayor 1',
              city: 'Valladolid',
              postalCode: '47001',
              country: 'ES',
            },
          },
          payment: 'bank_transfer',
          newsletter: n % 4 === 0,
        },
      );
      if (res.status !== 201) {
        refused++;
        continue;
      }
      placed++;
      const token = new URL(res.data.statusUrl).searchParams.get('token') ?? '';
      await client.request(`/api/shops/${shopId}/orders/${res.data.orderId}?token=${token}`);
      await client.json(`/api/admin/orders/${res.data.orderId}/mark-paid`, {}, { headers: admin });
      await client.json(
        `/api/admin/orders/${res.data.orderId}/status`,
        { to: 'shipped', carrier: 'Reparto propio' },
        { headers: admin },
      );
      options.progress?.(placed + refused);
    }
    outboxEvents += await drainOutbox(client);
    await client.request('/api/admin/orders?limit=50', { headers: admin });
  }
  return { placed, refused, outboxEvents };
}
