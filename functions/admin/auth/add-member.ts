import type { Locale } from '../../../shared/i18n/locale.ts';
import type { Deps } from '../../deps.ts';
import { MemberDoc, normalizeEmail, type Role, USERS, UserDoc } from './docs.ts';
import { newId } from './tokens.ts';

/** Finds the user with this email, if any. */
export async function findUserByEmail(
  deps: Pick<Deps, 'store'>,
  email: string,
): Promise<UserDoc | undefined> {
  const [snap] = await deps.store.query({
    collection: USERS,
    where: [{ field: 'email', op: '==', value: normalizeEmail(email) }],
    limit: 1,
  });
  return snap?.data ? UserDoc.parse(snap.data) : undefined;
}

/**
 * Makes `email` a member of `shopId` with `role`, creating the user when new. Used by the
 * operator CLI (invite an owner) and by owners inviting staff. Idempotent; a second call
 * updates the role.
 */
export async function addMember(
  deps: Pick<Deps, 'store' | 'clock'>,
  input: { shopId: string; email: string; role: Role; locale?: Locale },
): Promise<{ userId: string; created: boolean }> {
  const email = normalizeEmail(input.email);
  const now = deps.clock.now().toISOString();
  const existing = await findUserByEmail(deps, email);
  const userId = existing?.id ?? newId('u');

  await deps.store.runTransaction(async (tx) => {
    const userPath = `${USERS}/${userId}`;
    const snap = await tx.get(userPath);
    const user: UserDoc = snap.data
      ? UserDoc.parse(snap.data)
      : { id: userId, email, locale: input.locale ?? 'es', shops: {}, createdAt: now };
    user.shops[input.shopId] = input.role;
    tx.set(userPath, user);
    const member: MemberDoc = {
      userId,
      shopId: input.shopId,
      role: input.role,
      email,
      addedAt: now,
    };
    tx.set(`shops/${input.shopId}/members/${userId}`, MemberDoc.parse(member));
  });
  return { userId, created: !existing };
}
