import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

/**
 * AES-256-GCM with a key derived from the platform secret, for shop secrets at rest (Stripe
 * keys). A store dump alone does not reveal them. Format: `v1.iv.tag.ciphertext` (base64url).
 */
function keyOf(secretKey: string): Buffer {
  return createHash('sha256').update(`shop-secrets:${secretKey}`).digest();
}

export function sealSecret(secretKey: string, plain: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keyOf(secretKey), iv);
  const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  const parts = [iv, cipher.getAuthTag(), data].map((b) => b.toString('base64url'));
  return `v1.${parts.join('.')}`;
}

export function openSecret(secretKey: string, sealed: string): string {
  const [version, iv, tag, data] = sealed.split('.');
  if (version !== 'v1' || !iv || !tag || !data) throw new Error('unknown secret format');
  const decipher = createDecipheriv('aes-256-gcm', keyOf(secretKey), Buffer.from(iv, 'base64url'));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([
    decipher.update(Buffer.from(data, 'base64url')),
    decipher.final(),
  ]).toString('utf8');
}

/** `sk_live_…4242`: enough to recognise a key, never enough to use it. */
export function maskSecret(plain: string): string {
  const prefix = /^[a-z]+_(test_|live_)?/.exec(plain)?.[0] ?? '';
  return `${prefix}…${plain.slice(-4)}`;
}
