import { createHash } from 'node:crypto';
import type { ProductImage } from '../../../shared/catalog/product.ts';
import { imageSize } from '../../media/image-size.ts';
import { CONTENT_TYPES, type MediaStorage } from '../../media/storage.ts';
import { MAX_IMAGE_BYTES } from '../products/add-product-image.ts';
import type { ImportedImage } from './parse-shopify-csv.ts';

export type ImageResult = { image: ProductImage } | { problem: string };

/**
 * Turns a CSV image into a product image: a `media/…` path of this shop is measured where it
 * is; an http(s) URL is downloaded (10 s, 10 MB at most) into the shop's media, because
 * Shopify's CDN links stop working when the old shop closes. Same URL → same file name.
 */
export async function resolveImage(
  media: MediaStorage,
  shopId: string,
  image: ImportedImage,
  fetcher: typeof fetch = fetch,
): Promise<ImageResult> {
  const alt = { es: image.alt };
  if (image.src.startsWith('media/')) {
    const found = await media.get(shopId, image.src.slice('media/'.length));
    const size = found && imageSize(found.bytes);
    if (!size) return { problem: `Image ${image.src} is not in this shop's media.` };
    return { image: { src: image.src, alt, width: size.width, height: size.height } };
  }
  if (!/^https?:\/\//.test(image.src)) return { problem: `Image ${image.src} is not a URL.` };

  let bytes: Uint8Array;
  try {
    const res = await fetcher(image.src, { signal: AbortSignal.timeout(10_000) });
    if (!res.ok) return { problem: `Image ${image.src} answered ${res.status}.` };
    bytes = new Uint8Array(await res.arrayBuffer());
  } catch (error) {
    return { problem: `Image ${image.src} could not be downloaded (${(error as Error).name}).` };
  }
  const size = bytes.byteLength <= MAX_IMAGE_BYTES ? imageSize(bytes) : undefined;
  if (!size) return { problem: `Image ${image.src} is not a PNG, JPEG or WebP under 10 MB.` };
  const hash = createHash('sha256').update(image.src).digest('hex').slice(0, 16);
  const name = `import-${hash}.${size.type}`;
  await media.put(shopId, name, bytes, CONTENT_TYPES[size.type]!);
  return { image: { src: `media/${name}`, alt, width: size.width, height: size.height } };
}
