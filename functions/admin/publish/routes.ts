import type { Hono } from 'hono';
import type { Deps } from '../../deps.ts';
import type { AppEnv } from '../../http/types.ts';
import { type Publisher, type PublishRecord, publishesOf, publishNow } from './publish-now.ts';

/** `POST /api/admin/publish` builds the storefront; `GET` gives the latest runs. */
export function registerPublishRoutes(app: Hono<AppEnv>, deps: Deps, publisher: Publisher): void {
  app.get('/api/admin/publish', async (c) => {
    const snaps = await deps.store.query({
      collection: publishesOf(c.get('member').shopId),
      orderBy: [{ field: 'startedAt', direction: 'desc' }],
      limit: 5,
    });
    const runs = snaps.map((s) => s.data as unknown as PublishRecord);
    const lastPublished = runs.find((r) => r.status === 'published') ?? null;
    return c.json({ runs, lastPublished });
  });

  app.post('/api/admin/publish', async (c) => {
    const member = c.get('member');
    const record = await publishNow(deps, publisher, member);
    return c.json(record);
  });
}
