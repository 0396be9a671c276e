import { createHash } from 'node:crypto';
import { AppError } from '../../core/errors.ts';
import type { Deps } from '../../deps.ts';

export interface RateLimit {
  /** Requests allowed per window. */
  max: number;
  windowMs: number;
}

/** Per client IP: five subscribe requests per ten minutes. */
export const SUBSCRIBE_PER_IP: RateLimit = { max: 5, windowMs: 10 * 60_000 };
/** Per shop: a bot with many addresses stops at 300 requests an hour. */
export const SUBSCRIBE_PER_SHOP: RateLimit = { max: 300, windowMs: 3_600_000 };

/**
 * Fixed-window counters in the store (functions keep no memory between requests). The key is
 * hashed so no IP address is stored; a counter document is overwritten by the next window.
 */
export async function checkRateLimit(
  deps: Deps,
  shopId: string,
  key: string,
  limit: RateLimit,
): Promise<void> {
  const hash = createHash('sha256').update(`${deps.secretKey}\n${key}`).digest('hex').slice(0, 24);
  const path = `shops/${shopId}/newsletterRate/${hash}`;
  const now = deps.clock.now().getTime();
  const window = Math.floor(now / limit.windowMs);

  const allowed = await deps.store.runTransaction(async (tx) => {
    const snap = await tx.get<{ window: number; count: number }>(path);
    const count = snap.data?.window === window ? snap.data.count : 0;
    if (count >= limit.max) return false;
    tx.set(path, { window, count: count + 1 });
    return true;
  });
  if (!allowed) {
    const retryAfterS = Math.ceil(((window + 1) * limit.windowMs - now) / 1000);
    throw new AppError('rate_limited', { details: { retryAfterS } });
  }
}
