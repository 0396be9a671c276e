import { randomBytes } from 'node:crypto';
import { Product, type ProductImage } from '../../../shared/catalog/product.ts';
import { AppError } from '../../core/errors.ts';
import type { Deps } from '../../deps.ts';
import { imageSize } from '../../media/image-size.ts';
import { CONTENT_TYPES, type MediaStorage } from '../../media/storage.ts';
import { productPath } from './product-store.ts';

export const MAX_IMAGE_BYTES = 10 * 1024 * 1024;

/**
 * Stores an uploaded PNG, JPEG or WebP in the shop's media and appends it to the product's
 * images with its alt text. The type comes from the bytes, never from the file name.
 */
export async function addProductImage(
  deps: Deps,
  media: MediaStorage,
  input: { shopId: string; productId: string; bytes: Uint8Array; alt: ProductImage['alt'] },
): Promise<Product> {
  if (input.bytes.byteLength > MAX_IMAGE_BYTES) throw new AppError('payload_too_large');
  const size = imageSize(input.bytes);
  if (!size || size.width < 1 || size.height < 1) {
    throw new AppError('unsupported_media_type', {
      message: 'The file is not a PNG, JPEG or WebP image.',
      hint: 'Export the picture as JPEG or WebP and upload it again.',
    });
  }

  const path = productPath(input.shopId, input.productId);
  const current = await deps.store.get(path);
  if (!current.exists) {
    throw new AppError('not_found', { message: `There is no product ${input.productId}.` });
  }
  const slug = Product.parse(current.data).slug.slice(0, 80);
  const name = `${slug}-${randomBytes(4).toString('hex')}.${size.type}`;
  await media.put(input.shopId, name, input.bytes, CONTENT_TYPES[size.type]!);

  const image: ProductImage = {
    src: `media/${name}`,
    alt: input.alt,
    width: size.width,
    height: size.height,
  };
  const now = deps.clock.now().toISOString();
  const saved = await deps.store.runTransaction(async (tx) => {
    const snap = await tx.get(path);
    const product = Product.parse(snap.data);
    if (product.images.length >= 20) {
      throw new AppError('validation_failed', { message: 'A product has at most 20 images.' });
    }
    const next = { ...product, images: [...product.images, image], updatedAt: now };
    tx.set(path, next);
    return next;
  });
  deps.log.info({ shopId: input.shopId, productId: input.productId }, 'product image added');
  return saved;
}
