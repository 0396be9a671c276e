import { randomBytes } from 'node:crypto';
import { AppError } from '../../core/errors.ts';
import type { Deps } from '../../deps.ts';

export type Publisher = (shopId: string) => Promise<{ products: number; ms: number }>;

export const publishesOf = (shopId: string) => `shops/${shopId}/publishes`;

export interface PublishRecord {
  id: string;
  status: 'running' | 'published' | 'failed';
  by: string;
  startedAt: string;
  finishedAt?: string;
  products?: number;
  ms?: number;
  error?: string;
}

/**
 * The local stack's publisher: the storefront build served at `/s/{shopId}/`. Loaded on first
 * use so the cloud admin function never bundles the Astro build.
 */
export function localPublisher(deps: Deps): Publisher {
  return async (shopId) => {
    const { publishShop } = await import('../../publish/publish-shop.ts');
    const { localPublishOptions } = await import('../../publish/local-publish.ts');
    const { dataDir, publicBaseUrl } = deps.config;
    return publishShop(deps, shopId, localPublishOptions(dataDir, shopId, publicBaseUrl));
  };
}

/**
 * Publishes the member's shop and keeps a record per run, so the admin can show progress and
 * the last publish time. One run at a time per shop: a second click while one is running
 * (started less than 10 minutes ago) is refused.
 */
export async function publishNow(
  deps: Deps,
  publisher: Publisher,
  input: { shopId: string; userId: string },
): Promise<PublishRecord> {
  const now = deps.clock.now();
  const [last] = await deps.store.query<PublishRecord & Record<string, unknown>>({
    collection: publishesOf(input.shopId),
    orderBy: [{ field: 'startedAt', direction: 'desc' }],
    limit: 1,
  });
  const running = last?.data?.status === 'running';
  if (running && now.getTime() - Date.parse(last.data!.startedAt) < 10 * 60_000) {
    throw new AppError('conflict', { message: 'The shop is being published already.' });
  }

  const record: PublishRecord = {
    id: `pub_${now.getTime()}_${randomBytes(3).toString('hex')}`,
    status: 'running',
    by: input.userId,
    startedAt: now.toISOString(),
  };
  const path = `${publishesOf(input.shopId)}/${record.id}`;
  await deps.store.create(path, { ...record });

  let finished: PublishRecord;
  try {
    const result = await publisher(input.shopId);
    finished = { ...record, status: 'published', products: result.products, ms: result.ms };
  } catch (error) {
    deps.log.error({ shopId: input.shopId, err: String(error) }, 'publish failed');
    const message = error instanceof AppError ? error.message : 'The storefront build failed.';
    finished = { ...record, status: 'failed', error: message };
  }
  finished.finishedAt = deps.clock.now().toISOString();
  await deps.store.set(path, { ...finished });
  return finished;
}
