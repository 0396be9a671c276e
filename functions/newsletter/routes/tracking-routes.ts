import type { Hono } from 'hono';
import { RecipientLog } from '../../../shared/newsletter/campaign.ts';
import type { Deps } from '../../deps.ts';
import type { AppEnv } from '../../http/types.ts';
import { campaignPath, recipientPath } from '../keys.ts';
import { campaignOf } from '../read-docs.ts';
import { verifyToken } from '../tokens.ts';
import { shopIdOf } from './params.ts';

const PIXEL = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');

/**
 * Unique opens and clicks per recipient, counted once on the campaign. Only emails of shops
 * that turned tracking on contain these links.
 */
async function recordEngagement(
  deps: Deps,
  shopId: string,
  token: string,
  kind: 'open' | 'click',
): Promise<{ campaignId: string } | undefined> {
  const check = verifyToken(deps.secretKey, shopId, token, 't', deps.clock.now());
  if (!check.ok || !check.claims.campaignId) return undefined;
  const { subscriberId, campaignId } = check.claims;
  const field = kind === 'open' ? 'openedAt' : 'clickedAt';
  const stat = kind === 'open' ? 'opens' : 'clicks';

  await deps.store.runTransaction(async (tx) => {
    const [campaignSnap, logSnap] = await tx.getAll([
      campaignPath(shopId, campaignId),
      recipientPath(shopId, campaignId, subscriberId),
    ]);
    const campaign = campaignSnap ? campaignOf(campaignSnap) : undefined;
    if (!campaign || !logSnap?.exists) return;
    const log = RecipientLog.parse(logSnap.data);
    if (log[field]) return;
    tx.update(logSnap.path, { [field]: deps.clock.now().toISOString() });
    tx.update(campaignSnap!.path, { [`stats.${stat}`]: campaign.stats[stat] + 1 });
  });
  return { campaignId };
}

export function registerTrackingRoutes(app: Hono<AppEnv>, deps: Deps, base: string): void {
  app.get(`${base}/o/:token`, async (c) => {
    await recordEngagement(deps, shopIdOf(c), c.req.param('token').slice(0, 400), 'open');
    c.header('Cache-Control', 'no-store');
    return c.body(PIXEL, 200, { 'Content-Type': 'image/gif' });
  });

  // Targets are looked up in the campaign, never taken from the URL: no open redirect.
  app.get(`${base}/c/:token/:ref{(es|en)-[0-9]{1,3}}`, async (c) => {
    const shopId = shopIdOf(c);
    const recorded = await recordEngagement(deps, shopId, c.req.param('token'), 'click');
    if (!recorded) return c.redirect('/', 302);
    const campaign = campaignOf(await deps.store.get(campaignPath(shopId, recorded.campaignId)));
    const [locale = 'es', index = '0'] = c.req.param('ref').split('-');
    const target = campaign?.rendered?.[locale]?.links[Number(index)];
    return c.redirect(target ?? '/', 302);
  });
}
