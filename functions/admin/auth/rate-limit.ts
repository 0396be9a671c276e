import { AppError } from '../../core/errors.ts';
import type { Deps } from '../../deps.ts';
import { RATE_LIMITS } from './docs.ts';
import { hashToken } from './tokens.ts';

export interface Limit {
  /** Counter name, e.g. `link-email:ana@example.com`; stored hashed. */
  key: string;
  max: number;
  windowMs: number;
}

/**
 * Fixed-window counters in the store (so every function instance shares them), timed by the
 * injected clock. Throws `rate_limited` with `Retry-After` seconds in details when any limit is
 * exceeded; counting happens even for refused attempts within the window.
 */
export async function enforceRateLimits(
  deps: Pick<Deps, 'store' | 'clock'>,
  limits: Limit[],
): Promise<void> {
  const now = deps.clock.now().getTime();
  const refused = await deps.store.runTransaction(async (tx) => {
    const paths = limits.map((l) => `${RATE_LIMITS}/${hashToken(l.key)}`);
    const snaps = await tx.getAll<{ count: number; windowStart: number }>(paths);
    let retryAfterMs = 0;
    limits.forEach((limit, i) => {
      const current = snaps[i]?.data;
      const fresh = !current || now - current.windowStart >= limit.windowMs;
      const count = fresh ? 1 : current.count + 1;
      const windowStart = fresh ? now : current.windowStart;
      if (count > limit.max)
        retryAfterMs = Math.max(retryAfterMs, windowStart + limit.windowMs - now);
      tx.set(paths[i]!, {
        count,
        windowStart,
        expiresAt: new Date(windowStart + limit.windowMs).toISOString(),
      });
    });
    return retryAfterMs;
  });
  if (refused > 0) {
    throw new AppError('rate_limited', {
      message: 'Too many sign-in links were requested. Wait a few minutes and try again.',
      details: { retryAfterSeconds: Math.ceil(refused / 1000) },
    });
  }
}
