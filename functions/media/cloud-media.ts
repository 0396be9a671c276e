import { AppError } from '../core/errors.ts';
import { MEDIA_NAME, type MediaStorage } from './storage.ts';

const METADATA_TOKEN =
  'http://metadata.google.internal/computeMetadata/v1/instance/service-accounts/default/token';
const API = 'https://storage.googleapis.com';

type Fetch = typeof fetch;

/**
 * Cloud Storage through its JSON API with the function's service-account token from the
 * metadata server (no SDK: it would add ~10 MB to every admin cold start). Objects are
 * `{shopId}/{name}` in one bucket. The token is cached until a minute before it expires.
 */
export function createCloudMediaStorage(options: {
  bucket: string;
  fetch?: Fetch;
  now?: () => number;
}): MediaStorage {
  const http = options.fetch ?? fetch;
  const now = options.now ?? Date.now;
  let token: { value: string; until: number } | undefined;

  async function bearer(): Promise<string> {
    if (token && token.until > now()) return token.value;
    const res = await http(METADATA_TOKEN, { headers: { 'Metadata-Flavor': 'Google' } });
    if (!res.ok) throw new AppError('upstream_unavailable', { message: 'No storage token.' });
    const body = (await res.json()) as { access_token: string; expires_in: number };
    token = { value: body.access_token, until: now() + (body.expires_in - 60) * 1000 };
    return token.value;
  }

  const objectName = (shopId: string, name: string) => {
    if (!MEDIA_NAME.test(name)) {
      throw new AppError('bad_request', { message: `Invalid media name ${name}.` });
    }
    return encodeURIComponent(`${shopId}/${name}`);
  };
  const bucket = encodeURIComponent(options.bucket);

  async function call(url: string, init: RequestInit = {}): Promise<Response> {
    const headers = { ...(init.headers as object), authorization: `Bearer ${await bearer()}` };
    const res = await http(url, { ...init, headers });
    if (!res.ok && res.status !== 404) {
      throw new AppError('upstream_unavailable', {
        message: `Cloud Storage answered ${res.status}.`,
      });
    }
    return res;
  }

  return {
    async put(shopId, name, bytes, contentType) {
      const url = `${API}/upload/storage/v1/b/${bucket}/o?uploadType=media&name=${objectName(shopId, name)}`;
      await call(url, {
        method: 'POST',
        headers: { 'content-type': contentType },
        body: bytes as BodyInit,
      });
    },
    async get(shopId, name) {
      const url = `${API}/storage/v1/b/${bucket}/o/${objectName(shopId, name)}?alt=media`;
      const res = await call(url);
      if (res.status === 404) return undefined;
      const contentType = res.headers.get('content-type') ?? 'application/octet-stream';
      return { bytes: new Uint8Array(await res.arrayBuffer()), contentType };
    },
    async delete(shopId, name) {
      await call(`${API}/storage/v1/b/${bucket}/o/${objectName(shopId, name)}`, {
        method: 'DELETE',
      });
    },
  };
}
