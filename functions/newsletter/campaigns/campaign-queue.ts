import { z } from 'zod';
import type { Transaction } from '../../store/port.ts';

/**
 * Platform-level index of campaigns the send job must look at (scheduled or sending), so the
 * job finds work without scanning every shop. One document per campaign.
 */
export const QUEUE = 'newsletterQueue';

export const QueueEntry = z.object({
  shopId: z.string(),
  campaignId: z.string(),
  runAt: z.iso.datetime(),
});
export type QueueEntry = z.infer<typeof QueueEntry>;

export const queuePath = (shopId: string, campaignId: string) => `${QUEUE}/${shopId}.${campaignId}`;

export function queueCampaign(tx: Transaction, shopId: string, campaignId: string, runAt: Date) {
  tx.set(queuePath(shopId, campaignId), { shopId, campaignId, runAt: runAt.toISOString() });
}

export function dequeueCampaign(tx: Transaction, shopId: string, campaignId: string) {
  tx.delete(queuePath(shopId, campaignId));
}
