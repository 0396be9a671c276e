import { createHmac, timingSafeEqual } from 'node:crypto';
import { shopSecret } from './keys.ts';

/** c = confirm, u = unsubscribe, d = data access and erasure, t = open and click tracking. */
export type TokenPurpose = 'c' | 'u' | 'd' | 't';

export interface TokenClaims {
  purpose: TokenPurpose;
  subscriberId: string;
  /** The campaign whose link was used, for the unsubscribe statistic. */
  campaignId?: string;
  /** Unix seconds; absent for unsubscribe links, which must work for years. */
  expiresAt?: number;
}

export type TokenCheck =
  | { ok: true; claims: TokenClaims }
  | { ok: false; reason: 'malformed' | 'forged' | 'expired' };

const PART = /^[A-Za-z0-9_-]*$/;

function sign(secretKey: string, shopId: string, body: string): string {
  return createHmac('sha256', shopSecret(secretKey, shopId)).update(body).digest('base64url');
}

/** `purpose.subscriber.campaign.expiry.signature`, URL-safe, HMAC-SHA256 with the shop's key. */
export function signToken(secretKey: string, shopId: string, claims: TokenClaims): string {
  const body = [
    claims.purpose,
    claims.subscriberId,
    claims.campaignId ?? '',
    claims.expiresAt?.toString() ?? '',
  ].join('.');
  return `${body}.${sign(secretKey, shopId, body)}`;
}

export function verifyToken(
  secretKey: string,
  shopId: string,
  token: string,
  purpose: TokenPurpose,
  now: Date,
): TokenCheck {
  const parts = token.split('.');
  if (token.length > 300 || parts.length !== 5 || !parts.every((p) => PART.test(p))) {
    return { ok: false, reason: 'malformed' };
  }
  const [kind, subscriberId, campaignId, expiry, signature] = parts as [
    string,
    string,
    string,
    string,
    string,
  ];
  const expected = Buffer.from(sign(secretKey, shopId, parts.slice(0, 4).join('.')));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    return { ok: false, reason: 'forged' };
  }
  if (kind !== purpose || !/^[0-9a-f]{32}$/.test(subscriberId)) {
    return { ok: false, reason: 'malformed' };
  }
  const expiresAt = expiry ? Number(expiry) : undefined;
  if (expiresAt !== undefined && expiresAt * 1000 < now.getTime()) {
    return { ok: false, reason: 'expired' };
  }
  return {
    ok: true,
    claims: {
      purpose,
      subscriberId,
      ...(campaignId ? { campaignId } : {}),
      ...(expiresAt !== undefined ? { expiresAt } : {}),
    },
  };
}

export const CONFIRM_TTL_S = 48 * 3600;
