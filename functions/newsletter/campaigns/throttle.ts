/**
 * Spaces sends to at most `perSecond` for one shop, so a big list cannot hog the shared SMTP
 * pool or trip the relay's limits. 0 disables it.
 */
export function createThrottle(perSecond: number): () => Promise<void> {
  if (perSecond <= 0) return async () => {};
  const gapMs = 1000 / perSecond;
  let next = performance.now();
  return async function waitForSlot() {
    const now = performance.now();
    const at = Math.max(now, next);
    next = at + gapMs;
    if (at > now) await new Promise((resolve) => setTimeout(resolve, at - now));
  };
}
