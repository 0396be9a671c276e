import type { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { z } from 'zod';
import { TaxClass } from '../../../shared/money/money.ts';
import { AppError } from '../../core/errors.ts';
import type { Deps } from '../../deps.ts';
import { readQuery } from '../../http/body.ts';
import type { AppEnv } from '../../http/types.ts';
import type { MediaStorage } from '../../media/storage.ts';
import { applyImport } from './apply-import.ts';
import { exportShopifyCsv } from './export-shopify-csv.ts';
import { ImportDoc, importPath, MAX_CSV_BYTES } from './import-docs.ts';
import { siteMediaBase } from './media-urls.ts';
import { previewImport } from './preview-import.ts';

const PreviewQuery = z.object({ taxClass: TaxClass.default('general') });

export function registerCsvRoutes(
  app: Hono<AppEnv>,
  deps: Deps,
  media: MediaStorage,
  options: { fetcher?: typeof fetch } = {},
): void {
  const csvLimit = bodyLimit({
    maxSize: MAX_CSV_BYTES,
    onError: () => {
      throw new AppError('payload_too_large', { hint: 'Split the file below 8 MB.' });
    },
  });
  app.post('/api/admin/imports', csvLimit, async (c) => {
    const { taxClass } = readQuery(c, PreviewQuery);
    if (!/^text\/(csv|plain)\b/i.test(c.req.header('content-type') ?? '')) {
      throw new AppError('unsupported_media_type', { hint: 'Send the file as text/csv.' });
    }
    const text = await c.req.text();
    if (Buffer.byteLength(text) > MAX_CSV_BYTES) {
      throw new AppError('payload_too_large', { hint: 'Split the file below 8 MB.' });
    }
    const member = c.get('member');
    const doc = await previewImport(deps, {
      shopId: member.shopId,
      userId: member.userId,
      text,
      taxClass,
    });
    return c.json(doc, 201);
  });

  app.get('/api/admin/imports/:id', async (c) => {
    const snap = await deps.store.get(importPath(c.get('member').shopId, c.req.param('id')));
    if (!snap.exists) throw new AppError('not_found', { message: 'There is no such import.' });
    return c.json(ImportDoc.parse(snap.data));
  });

  app.post('/api/admin/imports/:id/apply', async (c) => {
    const member = c.get('member');
    const doc = await applyImport(deps, media, {
      shopId: member.shopId,
      importId: c.req.param('id'),
      userId: member.userId,
      ...(options.fetcher ? { fetcher: options.fetcher } : {}),
    });
    return c.json(doc);
  });

  app.get('/api/admin/exports/products.csv', async (c) => {
    const { shopId } = c.get('member');
    const csv = await exportShopifyCsv(deps.store, shopId, await siteMediaBase(deps, shopId));
    return c.body(csv, 200, {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="${shopId}-products.csv"`,
    });
  });
}
