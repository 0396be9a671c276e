import type { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { z } from 'zod';
import { Variant } from '../../../shared/catalog/product.ts';
import { Cents } from '../../../shared/money/money.ts';
import { AppError } from '../../core/errors.ts';
import type { Deps } from '../../deps.ts';
import { readJson, readQuery } from '../../http/body.ts';
import type { AppEnv } from '../../http/types.ts';
import type { MediaStorage } from '../../media/storage.ts';
import { addProductImage, MAX_IMAGE_BYTES } from './add-product-image.ts';
import { generateVariants } from './generate-variants.ts';
import { listProducts } from './list-products.ts';
import { ProductInput } from './product-input.ts';
import { loadProduct, productPath } from './product-store.ts';
import { createProduct, updateProduct } from './save-product.ts';

const ListQuery = z.object({
  q: z.string().max(100).optional(),
  status: z.enum(['draft', 'active', 'archived']).optional(),
  collection: z.string().max(120).optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

const GenerateRequest = z.object({
  options: z.array(z.object({ values: z.array(z.string().min(1).max(60)).min(1) })).max(3),
  basePrice: Cents,
  skuPrefix: z.string().max(30).default(''),
  existing: z.array(Variant).max(100).optional(),
});

export function registerProductRoutes(app: Hono<AppEnv>, deps: Deps, media: MediaStorage): void {
  app.get('/api/admin/products', async (c) => {
    const query = readQuery(c, ListQuery);
    return c.json(await listProducts(deps.store, c.get('member').shopId, query));
  });

  app.post('/api/admin/products', async (c) => {
    const input = await readJson(c, ProductInput);
    return c.json(await createProduct(deps, c.get('member').shopId, input), 201);
  });

  app.post('/api/admin/products/variants', async (c) => {
    const body = await readJson(c, GenerateRequest);
    return c.json({ variants: generateVariants(body) });
  });

  app.get('/api/admin/products/:id', async (c) => {
    return c.json(await loadProduct(deps.store, c.get('member').shopId, c.req.param('id')));
  });

  app.put('/api/admin/products/:id', async (c) => {
    const input = await readJson(c, ProductInput);
    return c.json(await updateProduct(deps, c.get('member').shopId, c.req.param('id'), input));
  });

  app.delete('/api/admin/products/:id', async (c) => {
    const { shopId } = c.get('member');
    await loadProduct(deps.store, shopId, c.req.param('id'));
    await deps.store.delete(productPath(shopId, c.req.param('id')));
    deps.log.info({ shopId, productId: c.req.param('id') }, 'product deleted');
    return c.body(null, 204);
  });

  const imageLimit = bodyLimit({
    maxSize: MAX_IMAGE_BYTES + 64_000,
    onError: () => {
      throw new AppError('payload_too_large', { hint: 'Images are limited to 10 MB.' });
    },
  });
  app.post('/api/admin/products/:id/images', imageLimit, async (c) => {
    const form = await c.req.parseBody();
    const file = form.file;
    if (!(file instanceof File)) {
      throw new AppError('validation_failed', { message: 'Send the image in a `file` field.' });
    }
    const en = String(form.altEn ?? '');
    const alt = { es: String(form.altEs ?? ''), ...(en ? { en } : {}) };
    const product = await addProductImage(deps, media, {
      shopId: c.get('member').shopId,
      productId: c.req.param('id'),
      bytes: new Uint8Array(await file.arrayBuffer()),
      alt,
    });
    return c.json(product, 201);
  });

  app.get('/api/admin/media/:name', async (c) => {
    const found = await media.get(c.get('member').shopId, c.req.param('name'));
    if (!found) throw new AppError('not_found', { message: 'There is no such image.' });
    return c.body(found.bytes as Uint8Array<ArrayBuffer>, 200, {
      'content-type': found.contentType,
      'cache-control': 'private, max-age=300',
    });
  });
}
