/**
 * Where a shop's uploaded images live: `DATA_DIR/media/{shopId}/` locally, a Cloud Storage
 * bucket in the cloud. Publishing copies `media/*` into the shop's static site.
 */
export interface MediaStorage {
  put(shopId: string, name: string, bytes: Uint8Array, contentType: string): Promise<void>;
  get(
    shopId: string,
    name: string,
  ): Promise<{ bytes: Uint8Array; contentType: string } | undefined>;
  delete(shopId: string, name: string): Promise<void>;
}

export const MEDIA_NAME = /^[a-z0-9][a-z0-9._-]{0,120}\.(png|jpe?g|webp)$/;

export const CONTENT_TYPES: Record<string, string> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  webp: 'image/webp',
};

export function contentTypeOf(name: string): string {
  return CONTENT_TYPES[name.slice(name.lastIndexOf('.') + 1)] ?? 'application/octet-stream';
}
