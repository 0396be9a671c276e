import { describe, expect, it } from 'vitest';
import { subscriberIdOf } from '../../functions/newsletter/keys.ts';
import { signToken, verifyToken } from '../../functions/newsletter/tokens.ts';

const KEY = 'k'.repeat(64);
const NOW = new Date('2026-12-01T10:00:00.000Z');
const id = subscriberIdOf(KEY, 'horno', 'Ana@Example.com ');

describe('newsletter tokens', () => {
  it('derives the same id for the same address in any case, another per shop', () => {
    expect(id).toBe(subscriberIdOf(KEY, 'horno', 'ana@example.com'));
    expect(id).not.toBe(subscriberIdOf(KEY, 'otra', 'ana@example.com'));
    expect(id).not.toBe(subscriberIdOf('x'.repeat(64), 'horno', 'ana@example.com'));
    expect(id).toMatch(/^[0-9a-f]{32}$/);
  });

  it('verifies a token for its shop and purpose only', () => {
    const token = signToken(KEY, 'horno', { purpose: 'u', subscriberId: id, campaignId: 'c1' });
    expect(verifyToken(KEY, 'horno', token, 'u', NOW)).toEqual({
      ok: true,
      claims: { purpose: 'u', subscriberId: id, campaignId: 'c1' },
    });
    expect(verifyToken(KEY, 'otra', token, 'u', NOW)).toEqual({ ok: false, reason: 'forged' });
    expect(verifyToken(KEY, 'horno', token, 'c', NOW)).toEqual({ ok: false, reason: 'malformed' });
    const relabelled = token.replace(/^u\./, 'c.');
    expect(verifyToken(KEY, 'horno', relabelled, 'c', NOW)).toEqual({
      ok: false,
      reason: 'forged',
    });
  });

  it('expires a confirmation token at its expiry time', () => {
    const expiresAt = NOW.getTime() / 1000 + 48 * 3600;
    const token = signToken(KEY, 'horno', { purpose: 'c', subscriberId: id, expiresAt });
    expect(verifyToken(KEY, 'horno', token, 'c', new Date(expiresAt * 1000)).ok).toBe(true);
    expect(verifyToken(KEY, 'horno', token, 'c', new Date(expiresAt * 1000 + 1000))).toEqual({
      ok: false,
      reason: 'expired',
    });
  });

  it('refuses malformed and oversized tokens without throwing', () => {
    for (const bad of ['', 'a.b', 'u.x.y.z.w.v', `u.${id}...${'A'.repeat(400)}`, 'u.<x>...sig']) {
      expect(verifyToken(KEY, 'horno', bad, 'u', NOW).ok).toBe(false);
    }
  });
});
