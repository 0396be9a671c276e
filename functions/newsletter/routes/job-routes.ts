import type { Hono } from 'hono';
import type { Deps } from '../../deps.ts';
import type { AppEnv } from '../../http/types.ts';
import { runCampaignQueue } from '../campaigns/run-campaign-queue.ts';

/** `POST /jobs/newsletter/send`: scheduled every minute in the cloud, every 5 s locally. */
export function registerNewsletterJobRoutes(app: Hono<AppEnv>, deps: Deps): void {
  app.post('/jobs/newsletter/send', async (c) => c.json(await runCampaignQueue(deps)));
}
