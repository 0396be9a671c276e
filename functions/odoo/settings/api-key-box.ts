import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { AppError } from '../../core/errors.ts';

function keyFrom(secretKey: string): Buffer {
  return createHash('sha256').update(`odoo-api-key\n${secretKey}`).digest();
}

/** Seals an Odoo API key with AES-256-GCM under the platform secret: `v1.iv.tag.data`. */
export function sealApiKey(apiKey: string, secretKey: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keyFrom(secretKey), iv);
  const data = Buffer.concat([cipher.update(apiKey, 'utf8'), cipher.final()]);
  const parts = [iv, cipher.getAuthTag(), data].map((b) => b.toString('base64url'));
  return `v1.${parts.join('.')}`;
}

export function openApiKey(sealed: string, secretKey: string): string {
  const [version, iv, tag, data] = sealed.split('.');
  try {
    if (version !== 'v1' || !iv || !tag || !data) throw new Error('format');
    const decipher = createDecipheriv(
      'aes-256-gcm',
      keyFrom(secretKey),
      Buffer.from(iv, 'base64url'),
    );
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    const plain = Buffer.concat([
      decipher.update(Buffer.from(data, 'base64url')),
      decipher.final(),
    ]);
    return plain.toString('utf8');
  } catch (error) {
    throw new AppError('odoo_auth_failed', {
      message: 'The saved Odoo API key cannot be read (the platform secret changed).',
      hint: 'Paste the Odoo API key again in the Odoo settings.',
      cause: error,
    });
  }
}
