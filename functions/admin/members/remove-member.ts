import { AppError } from '../../core/errors.ts';
import type { Deps } from '../../deps.ts';
import { USERS, UserDoc } from '../auth/docs.ts';

/**
 * Takes a user out of a shop. Their sessions stay but `requireMember` refuses them on the next
 * request, since the member document is the authority. An owner cannot remove themself, so a
 * shop always keeps one owner.
 */
export async function removeMember(
  deps: Pick<Deps, 'store' | 'log'>,
  input: { shopId: string; userId: string; by: string },
): Promise<void> {
  if (input.userId === input.by) {
    throw new AppError('conflict', { message: 'You cannot remove yourself from the shop.' });
  }
  const memberPath = `shops/${input.shopId}/members/${input.userId}`;
  await deps.store.runTransaction(async (tx) => {
    const member = await tx.get(memberPath);
    if (!member.exists) throw new AppError('not_found', { message: 'There is no such member.' });
    const userSnap = await tx.get(`${USERS}/${input.userId}`);
    const user = UserDoc.safeParse(userSnap.data);
    tx.delete(memberPath);
    if (user.success) {
      const { [input.shopId]: _removed, ...shops } = user.data.shops;
      tx.set(`${USERS}/${input.userId}`, { ...user.data, shops });
    }
  });
  deps.log.info({ shopId: input.shopId, userId: input.userId, by: input.by }, 'member removed');
}
