import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** 32 random bytes, base64url: the raw secret that travels in a link or a cookie. */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Links and sessions are stored under the SHA-256 of their token, never the token itself. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** The CSRF token of a session: derived, so it rotates with the session and needs no storage. */
export function csrfTokenFor(secretKey: string, sessionHash: string): string {
  return createHmac('sha256', secretKey).update(`csrf:${sessionHash}`).digest('base64url');
}

export function sameToken(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

export function newId(prefix: string): string {
  return `${prefix}_${randomBytes(10).toString('hex')}`;
}
