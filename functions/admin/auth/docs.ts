import { z } from 'zod';
import { Locale } from '../../../shared/i18n/locale.ts';

/** Platform-level collections of the admin sign-in. */
export const USERS = 'users';
export const SESSIONS = 'sessions';
export const SIGN_IN_LINKS = 'signInLinks';
export const RATE_LIMITS = 'rateLimits';

export const Role = z.enum(['owner', 'staff']);
export type Role = z.infer<typeof Role>;

/** `users/{userId}`; `shops` mirrors the member documents so a user's shops list is one read. */
export const UserDoc = z.object({
  id: z.string(),
  email: z.email(),
  locale: Locale.default('es'),
  shops: z.record(z.string(), Role).default({}),
  createdAt: z.iso.datetime(),
});
export type UserDoc = z.infer<typeof UserDoc>;

/** `shops/{shopId}/members/{userId}`: the authority on who may act for a shop. */
export const MemberDoc = z.object({
  userId: z.string(),
  shopId: z.string(),
  role: Role,
  email: z.email(),
  addedAt: z.iso.datetime(),
});
export type MemberDoc = z.infer<typeof MemberDoc>;

/** `sessions/{sha256(cookie token)}`. `shopId` is the active shop, chosen among memberships. */
export const SessionDoc = z.object({
  userId: z.string(),
  shopId: z.string(),
  createdAt: z.iso.datetime(),
  expiresAt: z.iso.datetime(),
});
export type SessionDoc = z.infer<typeof SessionDoc>;

/** `signInLinks/{sha256(link token)}`: single use, short-lived. */
export const SignInLinkDoc = z.object({
  userId: z.string(),
  shopId: z.string().optional(),
  createdAt: z.iso.datetime(),
  expiresAt: z.iso.datetime(),
  usedAt: z.iso.datetime().optional(),
});
export type SignInLinkDoc = z.infer<typeof SignInLinkDoc>;

export const LINK_TTL_MS = 15 * 60_000;
export const SESSION_TTL_MS = 7 * 24 * 3600_000;
export const SESSION_COOKIE = 'konta_session';

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}
