import type { Hono } from 'hono';
import { z } from 'zod';
import { Locale } from '../../../shared/i18n/locale.ts';
import { AppError } from '../../core/errors.ts';
import type { Deps } from '../../deps.ts';
import { readJson } from '../../http/body.ts';
import type { AppEnv } from '../../http/types.ts';
import { addMember, findUserByEmail } from '../auth/add-member.ts';
import { MemberDoc, Role } from '../auth/docs.ts';
import { requestSignInLink } from '../auth/request-sign-in-link.ts';
import { requireOwner } from '../auth/require-member.ts';
import { removeMember } from './remove-member.ts';

const Invite = z.strictObject({ email: z.email().max(254), role: Role, locale: Locale.optional() });

/** The shop's team: everyone may list it; owners invite and remove members. */
export function registerMemberRoutes(app: Hono<AppEnv>, deps: Deps): void {
  app.get('/api/admin/members', async (c) => {
    const snaps = await deps.store.query({
      collection: `shops/${c.get('member').shopId}/members`,
      limit: 100,
    });
    const members = snaps.map((s) => MemberDoc.parse(s.data));
    return c.json({ members });
  });

  app.post('/api/admin/members', requireOwner(), async (c) => {
    const body = await readJson(c, Invite);
    const { shopId, userId: self } = c.get('member');
    if ((await findUserByEmail(deps, body.email))?.id === self) {
      throw new AppError('conflict', { message: 'You cannot change your own role.' });
    }
    const { userId } = await addMember(deps, { shopId, ...body });
    await requestSignInLink(deps, {
      email: body.email,
      ip: `invite:${shopId}`,
      shopId,
      ...(body.locale ? { locale: body.locale } : {}),
    });
    return c.json({ userId, role: body.role }, 201);
  });

  app.delete('/api/admin/members/:userId', requireOwner(), async (c) => {
    const member = c.get('member');
    await removeMember(deps, {
      shopId: member.shopId,
      userId: c.req.param('userId'),
      by: member.userId,
    });
    return c.body(null, 204);
  });
}
