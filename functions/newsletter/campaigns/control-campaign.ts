import { LOCALES } from '../../../shared/i18n/locale.ts';
import type {
  Campaign,
  CampaignStatus,
  RenderedEmail,
} from '../../../shared/newsletter/campaign.ts';
import { AppError } from '../../core/errors.ts';
import type { Deps } from '../../deps.ts';
import { campaignPath } from '../keys.ts';
import { loadSender } from '../load-sender.ts';
import { readCampaign } from '../read-docs.ts';
import { renderCampaign } from '../render/render-campaign.ts';
import { dequeueCampaign, queueCampaign } from './campaign-queue.ts';

export type CampaignAction = 'pause' | 'resume' | 'cancel';

const ALLOWED: Record<CampaignAction, CampaignStatus[]> = {
  pause: ['sending', 'scheduled'],
  resume: ['paused'],
  cancel: ['draft', 'scheduled', 'sending', 'paused'],
};

/**
 * Starts sending now (`at` absent or past) or schedules it. The content is rendered here, once
 * per language, and frozen on the campaign: later edits to products do not change a send.
 */
export async function scheduleCampaign(
  deps: Deps,
  shopId: string,
  id: string,
  at?: Date,
): Promise<Campaign> {
  const campaign = await readCampaign(deps.store, shopId, id);
  assertCan(campaign, ['draft', 'scheduled'], 'send');
  const now = deps.clock.now();
  const later = at && at.getTime() > now.getTime();
  const rendered = later ? null : await renderAll(deps, shopId, campaign);

  return deps.store.runTransaction(async (tx) => {
    const current = await readCampaign(tx, shopId, id);
    assertCan(current, ['draft', 'scheduled'], 'send');
    const updated: Campaign = {
      ...current,
      status: later ? 'scheduled' : 'sending',
      scheduledAt: later ? at.toISOString() : null,
      startedAt: later ? null : now.toISOString(),
      rendered,
      updatedAt: now.toISOString(),
    };
    tx.set(campaignPath(shopId, id), updated);
    queueCampaign(tx, shopId, id, later ? at : now);
    return updated;
  });
}

export async function renderAll(
  deps: Deps,
  shopId: string,
  campaign: Campaign,
): Promise<Record<string, RenderedEmail>> {
  const sender = await loadSender(deps, shopId);
  const rendered: Record<string, RenderedEmail> = {};
  for (const locale of LOCALES)
    rendered[locale] = await renderCampaign(deps, sender, campaign, locale);
  return rendered;
}

export async function controlCampaign(
  deps: Deps,
  shopId: string,
  id: string,
  action: CampaignAction,
): Promise<Campaign> {
  return deps.store.runTransaction(async (tx) => {
    const campaign = await readCampaign(tx, shopId, id);
    assertCan(campaign, ALLOWED[action], action);
    const now = deps.clock.now();
    const status: CampaignStatus =
      action === 'cancel'
        ? 'cancelled'
        : action === 'pause'
          ? 'paused'
          : campaign.rendered
            ? 'sending'
            : 'scheduled';
    const updated: Campaign = {
      ...campaign,
      status,
      pauseReason: action === 'pause' ? 'Paused by the merchant.' : null,
      errorCount: action === 'resume' ? 0 : campaign.errorCount,
      updatedAt: now.toISOString(),
    };
    tx.set(campaignPath(shopId, id), updated);
    if (status === 'sending' || status === 'scheduled') {
      const runAt =
        campaign.scheduledAt && status === 'scheduled' ? new Date(campaign.scheduledAt) : now;
      queueCampaign(tx, shopId, id, runAt);
    } else {
      dequeueCampaign(tx, shopId, id);
    }
    return updated;
  });
}

function assertCan(campaign: Campaign, allowed: CampaignStatus[], action: string): void {
  if (!allowed.includes(campaign.status)) {
    throw new AppError('invalid_transition', {
      message: `Campaign ${campaign.id} is ${campaign.status}; it cannot ${action}.`,
    });
  }
}
