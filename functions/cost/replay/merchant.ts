import { addMember } from '../../admin/auth/add-member.ts';
import { SESSION_COOKIE } from '../../admin/auth/docs.ts';
import { createSession, loadSession } from '../../admin/auth/sessions.ts';
import type { Deps } from '../../deps.ts';

/**
 * The merchant's admin session for the replay, made the way a verified sign-in link makes it
 * (the month's one sign-in; its email round trip is not part of the replay). Returns the
 * headers a browser sends.
 */
export async function merchantHeaders(deps: Deps, shopId: string): Promise<Record<string, string>> {
  const { userId } = await addMember(deps, {
    shopId,
    email: `owner@${shopId}.example`,
    role: 'owner',
  });
  const token = await deps.store.runTransaction(async (tx) =>
    createSession(tx, { userId, shopId, now: deps.clock.now() }),
  );
  const session = await loadSession(deps, token);
  if (!session) throw new Error('The replay could not create a merchant session.');
  return { cookie: `${SESSION_COOKIE}=${token}`, 'x-csrf-token': session.csrfToken };
}
