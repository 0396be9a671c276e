import { Campaign } from '../../shared/newsletter/campaign.ts';
import { Subscriber } from '../../shared/newsletter/subscriber.ts';
import { AppError } from '../core/errors.ts';
import type { Deps } from '../deps.ts';
import type { DocSnapshot, Transaction } from '../store/port.ts';
import { campaignPath, subscriberPath } from './keys.ts';

/** Documents are validated when read, like any other input. */
export function subscriberOf(snap: DocSnapshot): Subscriber | undefined {
  return snap.exists ? Subscriber.parse(snap.data) : undefined;
}

export function campaignOf(snap: DocSnapshot): Campaign | undefined {
  return snap.exists ? Campaign.parse(snap.data) : undefined;
}

export async function readSubscriber(
  reader: Deps['store'] | Transaction,
  shopId: string,
  id: string,
): Promise<Subscriber | undefined> {
  return subscriberOf(await reader.get(subscriberPath(shopId, id)));
}

export async function readCampaign(
  reader: Deps['store'] | Transaction,
  shopId: string,
  id: string,
): Promise<Campaign> {
  const campaign = campaignOf(await reader.get(campaignPath(shopId, id)));
  if (!campaign) {
    throw new AppError('not_found', { message: `There is no campaign ${id} in this shop.` });
  }
  return campaign;
}
