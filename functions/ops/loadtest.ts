import { AppError } from '../core/errors.ts';

export interface LoadOptions {
  baseUrl: string;
  shopId: string;
  /** Stops after this many requests… */
  requests: number;
  /** …or after this many seconds, whichever comes first. */
  seconds: number;
  concurrency: number;
  /** Share of requests that are checkouts (the rest are storefront reads). */
  checkoutShare: number;
  /** A shipping (not pickup) method of the shop, for the checkouts' delivery. */
  shippingMethodId: string;
}

export const LIMITS = { requests: 100_000, seconds: 600, concurrency: 200 } as const;

export interface KindStats {
  count: number;
  p50: number;
  p95: number;
  p99: number;
}

export interface LoadReport {
  requests: number;
  seconds: number;
  rps: number;
  statuses: Record<string, number>;
  serverErrors: number;
  kinds: Record<string, KindStats>;
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

/** Refuses anything but a loopback address: this tool must never load someone else's host. */
export function assertLoopback(baseUrl: string): URL {
  const url = new URL(baseUrl);
  if (!LOOPBACK.has(url.hostname)) {
    throw new AppError('bad_request', {
      message: `The load test only targets loopback addresses, not ${url.hostname}.`,
      hint: 'Start the local stack (npm start) and point --url at http://127.0.0.1:<port>.',
    });
  }
  return url;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

type Kind = 'availability' | 'products' | 'product' | 'collections' | 'checkout';

/**
 * Mixed storefront-API and checkout traffic at a local stack: catalog reads, live
 * availability and checkouts (bank transfer, local delivery), bounded in count and time.
 */
export async function runLoad(options: LoadOptions): Promise<LoadReport> {
  const base = assertLoopback(options.baseUrl).origin;
  const requests = Math.min(options.requests, LIMITS.requests);
  const seconds = Math.min(options.seconds, LIMITS.seconds);
  const concurrency = Math.max(1, Math.min(options.concurrency, LIMITS.concurrency));
  const api = `${base}/api/shops/${options.shopId}`;

  const listing = await fetch(`${api}/products?limit=100`);
  if (!listing.ok) {
    throw new AppError('not_found', {
      message: `The stack at ${base} has no shop ${options.shopId} (HTTP ${listing.status}).`,
    });
  }
  const { products } = (await listing.json()) as {
    products: { slug: string; variants: { sku: string }[] }[];
  };
  const skus = products.flatMap((p) => p.variants.map((v) => v.sku));
  const methodId = options.shippingMethodId;

  const latencies: Record<string, number[]> = {};
  const statuses: Record<string, number> = {};
  const deadline = performance.now() + seconds * 1000;
  const started = performance.now();
  let issued = 0;

  const pick = (n: number): Kind => {
    if ((n * 7919) % 1000 < options.checkoutShare * 1000) return 'checkout';
    return (['availability', 'availability', 'products', 'product', 'collections'] as const)[
      n % 5
    ]!;
  };

  const one = async (n: number) => {
    const kind = pick(n);
    const product = products[n % products.length]!;
    const sku = skus[n % skus.length]!;
    const t0 = performance.now();
    const res =
      kind === 'checkout'
        ? await fetch(`${api}/checkout`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({
              lines: [{ sku, quantity: 1 }],
              customer: { name: `Load ${n}`, email: `load${n}@example.com`, locale: 'es' },
              fulfilment: {
                method: 'shipping',
                methodId,
                address: {
                  line1: 'Calle 1',
                  city: 'Valladolid',
                  postalCode: '47001',
                  country: 'ES',
                },
              },
              payment: 'bank_transfer',
              newsletter: false,
            }),
          })
        : await fetch(
            {
              availability: `${api}/availability?skus=${encodeURIComponent(sku)}`,
              products: `${api}/products?limit=24`,
              product: `${api}/products/${product.slug}`,
              collections: `${api}/collections`,
            }[kind],
          );
    await res.arrayBuffer();
    latencies[kind] = [...(latencies[kind] ?? []), performance.now() - t0];
    const key = `${kind} ${res.status}`;
    statuses[key] = (statuses[key] ?? 0) + 1;
  };

  const worker = async () => {
    while (issued < requests && performance.now() < deadline) await one(issued++);
  };
  await Promise.all(Array.from({ length: concurrency }, worker));

  const elapsed = (performance.now() - started) / 1000;
  const kinds: Record<string, KindStats> = {};
  for (const [kind, values] of Object.entries(latencies)) {
    const sorted = values.sort((a, b) => a - b);
    const r = (v: number) => Math.round(v * 10) / 10;
    kinds[kind] = {
      count: sorted.length,
      p50: r(percentile(sorted, 50)),
      p95: r(percentile(sorted, 95)),
      p99: r(percentile(sorted, 99)),
    };
  }
  const done = Object.values(statuses).reduce((a, b) => a + b, 0);
  return {
    requests: done,
    seconds: Math.round(elapsed * 100) / 100,
    rps: Math.round(done / elapsed),
    statuses,
    serverErrors: Object.entries(statuses)
      .filter(([k]) => / 5\d\d$/.test(k))
      .reduce((n, [, v]) => n + v, 0),
    kinds,
  };
}
