/**
 * An HTTP client for replaying traffic at the local stack that records what the cloud would
 * bill: every API request is one function invocation (billed time measured at the client, so
 * an upper bound), every static response is Hosting transfer (bytes as sent, compressed).
 */
export interface Tally {
  invocations: number;
  computeMs: number;
  hostingBytes: number;
  hostingRequests: number;
  byFunction: Record<string, number>;
  statuses: Record<string, number>;
}

export function functionOfPath(pathname: string): string | undefined {
  if (pathname.startsWith('/api/admin/')) return 'admin-api';
  if (pathname.startsWith('/api/webhooks/')) return 'webhooks';
  if (pathname.startsWith('/jobs/')) return 'jobs';
  if (pathname.startsWith('/api/')) return 'storefront-api';
  return undefined;
}

export interface ReplayClient {
  readonly baseUrl: string;
  readonly tally: Tally;
  request(path: string, init?: RequestInit): Promise<{ status: number; text: string }>;
  json<T>(path: string, body?: unknown, init?: RequestInit): Promise<{ status: number; data: T }>;
}

export function createReplayClient(
  baseUrl: string,
  options: { incrementMs: number; headers?: Record<string, string> },
): ReplayClient {
  const tally: Tally = {
    invocations: 0,
    computeMs: 0,
    hostingBytes: 0,
    hostingRequests: 0,
    byFunction: {},
    statuses: {},
  };

  async function request(path: string, init: RequestInit = {}) {
    const started = performance.now();
    const headers = { 'accept-encoding': 'br, gzip', ...options.headers, ...init.headers };
    const res = await fetch(`${baseUrl}${path}`, { ...init, headers, redirect: 'manual' });
    const bytes = new Uint8Array(await res.arrayBuffer());
    const ms = performance.now() - started;
    const fn = functionOfPath(new URL(path, baseUrl).pathname);
    const key = `${fn ?? 'hosting'} ${res.status}`;
    tally.statuses[key] = (tally.statuses[key] ?? 0) + 1;
    if (fn) {
      tally.invocations += 1;
      tally.computeMs += Math.max(1, Math.ceil(ms / options.incrementMs)) * options.incrementMs;
      tally.byFunction[fn] = (tally.byFunction[fn] ?? 0) + 1;
    } else {
      // fetch() decodes the body; the wire size is the Content-Length when the server set one.
      const wire = Number(res.headers.get('content-length') ?? bytes.byteLength);
      tally.hostingBytes += wire + 300;
      tally.hostingRequests += 1;
    }
    return { status: res.status, text: new TextDecoder().decode(bytes) };
  }

  return {
    baseUrl,
    tally,
    request,
    async json<T>(path: string, body?: unknown, init: RequestInit = {}) {
      const res = await request(path, {
        method: body === undefined ? 'GET' : 'POST',
        ...init,
        headers: { 'content-type': 'application/json', ...init.headers },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      let data: unknown;
      try {
        data = JSON.parse(res.text);
      } catch {
        data = undefined;
      }
      return { status: res.status, data: data as T };
    },
  };
}

/** Runs `count` tasks with at most `concurrency` in flight. */
export async function runPool(
  count: number,
  concurrency: number,
  task: (i: number) => Promise<void>,
): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < count) await task(next++);
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker));
}
