import type { Context, MiddlewareHandler } from 'hono';
import { PLATFORM } from '../store/paths.ts';
import { billedMs } from './usage.ts';

export interface InvocationCounts {
  invocations: number;
  computeMs: number;
}

/** Cloud Run's billing increment; config/prices.json states the same figure. */
export const BILLING_INCREMENT_MS = 100;

/** Invocations and billed compute time per shop, in this instance's memory until flushed. */
export class InvocationMeter {
  #counts = new Map<string, InvocationCounts>();

  record(shopId: string, wallMs: number): void {
    const entry = this.#counts.get(shopId) ?? { invocations: 0, computeMs: 0 };
    entry.invocations += 1;
    entry.computeMs += billedMs(wallMs, BILLING_INCREMENT_MS);
    this.#counts.set(shopId, entry);
  }

  snapshot(): Record<string, InvocationCounts> {
    return Object.fromEntries([...this.#counts].map(([shop, c]) => [shop, { ...c }]));
  }

  reset(): void {
    this.#counts.clear();
  }
}

const SHOP_IN_PATH = /^\/api\/(?:shops|webhooks\/[a-z]+)\/([a-z0-9-]+)(?:\/|$)/;

/** The shop a request serves: the admin session's, else the one in the public path. */
export function shopOfRequest(c: Context): string {
  const member = c.get('member') as { shopId?: string } | undefined;
  if (member?.shopId) return member.shopId;
  return new URL(c.req.url).pathname.match(SHOP_IN_PATH)?.[1] ?? PLATFORM;
}

/**
 * Counts each request against its shop once it has been handled (so the admin session, set
 * further down the chain, is known). Registered first on every app; a no-op without a meter.
 */
export function meterInvocations(meter: InvocationMeter | undefined): MiddlewareHandler {
  return async function meterInvocation(c, next) {
    if (!meter) return next();
    const started = performance.now();
    try {
      await next();
    } finally {
      meter.record(shopOfRequest(c), performance.now() - started);
    }
  };
}
