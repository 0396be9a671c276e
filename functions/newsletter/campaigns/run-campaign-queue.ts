import type { Deps } from '../../deps.ts';
import { readCampaign } from '../read-docs.ts';
import { QUEUE, QueueEntry } from './campaign-queue.ts';
import { scheduleCampaign } from './control-campaign.ts';
import { type SendOptions, sendCampaign } from './send-campaign.ts';

export interface QueueRun {
  campaigns: number;
  outcomes: Record<string, string>;
}

/**
 * The scheduled job: starts due scheduled campaigns and sends the ones in progress, until
 * `budgetMs` runs out (the function's timeout minus a margin). Stopped work resumes at the
 * saved checkpoint on the next run.
 */
export async function runCampaignQueue(
  deps: Deps,
  options: SendOptions & { budgetMs?: number } = {},
): Promise<QueueRun> {
  const deadline = Date.now() + (options.budgetMs ?? 45_000);
  const due = await deps.store.query({
    collection: QUEUE,
    where: [{ field: 'runAt', op: '<=', value: deps.clock.now().toISOString() }],
    orderBy: [{ field: 'runAt' }],
    limit: 20,
  });

  const outcomes: Record<string, string> = {};
  for (const snap of due) {
    if (Date.now() > deadline) break;
    const entry = QueueEntry.parse(snap.data);
    const log = deps.log.child({ shopId: entry.shopId, campaignId: entry.campaignId });
    try {
      const campaign = await readCampaign(deps.store, entry.shopId, entry.campaignId);
      if (campaign.status === 'scheduled') {
        await scheduleCampaign(deps, entry.shopId, entry.campaignId);
      }
      const outcome = await sendCampaign(deps, entry.shopId, entry.campaignId, {
        ...options,
        deadline,
      });
      outcomes[snap.id] = outcome.status;
    } catch (error) {
      log.error({ err_message: String(error) }, 'campaign run failed');
      outcomes[snap.id] = 'error';
    }
  }
  return { campaigns: due.length, outcomes };
}
