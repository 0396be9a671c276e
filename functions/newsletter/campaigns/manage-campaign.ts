import { randomBytes } from 'node:crypto';
import { type Campaign, CampaignContent } from '../../../shared/newsletter/campaign.ts';
import { AppError } from '../../core/errors.ts';
import type { Deps } from '../../deps.ts';
import { campaignPath } from '../keys.ts';
import { readCampaign } from '../read-docs.ts';

/** Campaign ids: 20 hex characters, safe in paths and Message-IDs. */
export function newCampaignId(): string {
  return randomBytes(10).toString('hex');
}

export async function createCampaign(
  deps: Deps,
  shopId: string,
  content: CampaignContent,
): Promise<Campaign> {
  const now = deps.clock.now().toISOString();
  const campaign: Campaign = {
    ...CampaignContent.parse(content),
    id: newCampaignId(),
    status: 'draft',
    scheduledAt: null,
    startedAt: null,
    finishedAt: null,
    checkpoint: null,
    rendered: null,
    stats: { sent: 0, failed: 0, bounced: 0, unsubscribed: 0, opens: 0, clicks: 0 },
    errorCount: 0,
    pauseReason: null,
    lease: null,
    createdAt: now,
    updatedAt: now,
  };
  await deps.store.create(campaignPath(shopId, campaign.id), campaign);
  return campaign;
}

/** Content can change until sending starts; after that the frozen copy is what goes out. */
export async function updateCampaign(
  deps: Deps,
  shopId: string,
  id: string,
  content: CampaignContent,
): Promise<Campaign> {
  return deps.store.runTransaction(async (tx) => {
    const campaign = await readCampaign(tx, shopId, id);
    if (campaign.status !== 'draft' && campaign.status !== 'scheduled') {
      throw new AppError('invalid_transition', {
        message: `Campaign ${id} is ${campaign.status}; only drafts and scheduled ones can be edited.`,
      });
    }
    const updated = { ...campaign, ...content, updatedAt: deps.clock.now().toISOString() };
    tx.set(campaignPath(shopId, id), updated);
    return updated;
  });
}

export async function listCampaigns(deps: Deps, shopId: string): Promise<Campaign[]> {
  const snaps = await deps.store.query<Campaign>({
    collection: `shops/${shopId}/campaigns`,
    orderBy: [{ field: 'createdAt', direction: 'desc' }],
    limit: 100,
  });
  // The frozen HTML is large; lists carry everything else.
  return snaps.map((s) => ({ ...s.data!, rendered: null }));
}
