import { randomUUID } from 'node:crypto';
import type { Campaign, CampaignStats, RecipientLog } from '../../../shared/newsletter/campaign.ts';
import { RecipientLog as RecipientLogSchema } from '../../../shared/newsletter/campaign.ts';
import type { Subscriber } from '../../../shared/newsletter/subscriber.ts';
import { AppError, isAppError } from '../../core/errors.ts';
import type { Deps } from '../../deps.ts';
import type { Mailer } from '../../email/mailer.ts';
import type { DocSnapshot } from '../../store/port.ts';
import { campaignPath, recipientPath, subscriberPath, subscribersPath } from '../keys.ts';
import { loadSender, type Sender } from '../load-sender.ts';
import { campaignOf, readCampaign } from '../read-docs.ts';
import { personalize } from '../render/personalize.ts';
import { signToken } from '../tokens.ts';
import { unsubscribeLinks } from '../unsubscribe-headers.ts';
import { dequeueCampaign } from './campaign-queue.ts';
import { segmentFilter } from './segment-filter.ts';
import { createThrottle } from './throttle.ts';
import { createWriteCoalescer, type WriteCoalescer } from './write-coalescer.ts';

export interface SendOptions {
  /** Subscribers read per page; the checkpoint is saved after each. */
  batchSize?: number;
  /** Sends in flight at once; match the SMTP pool's connections. */
  concurrency?: number;
  /** Stop starting new pages after this time (functions have a request timeout). */
  deadline?: number;
  leaseMs?: number;
  mailer?: Mailer;
  /**
   * Asks the SMTP relay whether it accepted a Message-ID. Used for recipients a crashed worker
   * left in `sending`; without it they are sent again under the same Message-ID.
   */
  deliveryProbe?: (messageId: string) => Promise<boolean>;
}

export type SendOutcome =
  | { status: 'locked' | 'draft' | 'scheduled' | 'paused' | 'cancelled' | 'sent' }
  | { status: 'sending'; reason: 'deadline' | 'retry_later' };

type Settled = 'sent' | 'bounced' | 'failed';

interface PageResult {
  /** Outcome per subscriber id of the page, in page order; undefined = not settled. */
  outcomes: Map<string, Settled | undefined>;
  errors: number;
}

/** Deterministic, so a resend after a crash is the same message to the receiving server. */
export function campaignMessageId(campaignId: string, subscriberId: string, domain: string) {
  return `${campaignId}.${subscriberId}@${domain}`;
}

/**
 * Sends a campaign in pages of subscribers ordered by id. For each recipient the log document
 * is created as `sending` (with the Message-ID) before the SMTP transaction and marked settled
 * after it; the page's checkpoint and statistics are saved together in one transaction. A
 * worker that dies leaves at most `concurrency` recipients in `sending` — see
 * docs/newsletter.md for what resuming does with them.
 */
export async function sendCampaign(
  deps: Deps,
  shopId: string,
  campaignId: string,
  options: SendOptions = {},
): Promise<SendOutcome> {
  const batchSize = options.batchSize ?? 500;
  const concurrency = options.concurrency ?? 5;
  const leaseMs = options.leaseMs ?? 120_000;
  const owner = randomUUID();
  const log = deps.log.child({ shopId, campaignId, worker: owner });

  const leased = await acquireLease(deps, shopId, campaignId, owner, leaseMs);
  if (leased.status !== 'sending' || !leased.rendered) {
    return { status: leased.status === 'sending' ? 'locked' : leased.status };
  }
  const sender = await loadSender(deps, shopId);
  const filter = await segmentFilter(deps, shopId, leased.segment);
  const perSecond = sender.settings.throttlePerSecond;
  const throttle = createThrottle(perSecond);
  // A throttled page must finish well inside the lease, which is renewed per page.
  const pageSize =
    perSecond > 0
      ? Math.max(10, Math.min(batchSize, Math.floor((perSecond * leaseMs) / 2000)))
      : batchSize;
  const writes = createWriteCoalescer(deps.store);
  const context = { deps, sender, campaign: leased, options, throttle, concurrency, writes };
  let campaign = leased;

  for (;;) {
    if (options.deadline !== undefined && Date.now() > options.deadline) {
      await releaseLease(deps, shopId, campaignId, owner);
      return { status: 'sending', reason: 'deadline' };
    }
    const page = await readPage(deps, shopId, campaign.checkpoint, pageSize);
    const lastPage = page.length < pageSize;
    const recipients = page.filter(filter);
    const result = await sendPage(context, recipients, page, campaign.errorCount);
    const lease = { owner, ms: leaseMs };
    const saved = await saveCheckpoint(deps, campaign, lease, page, lastPage, result, sender);
    log.info({ page: page.length, errors: result.errors, status: saved.status }, 'campaign page');
    if (saved.status !== 'sending') return { status: saved.status };
    if (saved.lease?.owner !== owner) return { status: 'locked' };
    if (lastPage) {
      // Transient failures remain on the last page: the next run retries them.
      await releaseLease(deps, shopId, campaignId, owner);
      return { status: 'sending', reason: 'retry_later' };
    }
    campaign = saved;
  }
}

async function readPage(
  deps: Deps,
  shopId: string,
  checkpoint: string | null,
  limit: number,
): Promise<Subscriber[]> {
  // Documents are in id order; a cursor needs only the path of the last one settled.
  const cursor: DocSnapshot | undefined = checkpoint
    ? {
        path: subscriberPath(shopId, checkpoint),
        id: checkpoint,
        exists: true,
        data: {},
        updateTime: undefined,
      }
    : undefined;
  const snaps = await deps.store.query<Subscriber>({
    collection: subscribersPath(shopId),
    where: [{ field: 'status', op: '==', value: 'confirmed' }],
    limit,
    ...(cursor ? { startAfter: cursor } : {}),
  });
  return snaps.map((s) => s.data!);
}

async function acquireLease(
  deps: Deps,
  shopId: string,
  campaignId: string,
  owner: string,
  leaseMs: number,
): Promise<Campaign> {
  return deps.store.runTransaction(async (tx) => {
    const campaign = await readCampaign(tx, shopId, campaignId);
    const now = deps.clock.now();
    if (campaign.status !== 'sending') return campaign;
    if (campaign.lease && Date.parse(campaign.lease.until) > now.getTime()) {
      return { ...campaign, rendered: null };
    }
    const lease = { owner, until: new Date(now.getTime() + leaseMs).toISOString() };
    tx.update(campaignPath(shopId, campaignId), { lease });
    return { ...campaign, lease };
  });
}

interface SendContext {
  deps: Deps;
  sender: Sender;
  campaign: Campaign;
  options: SendOptions;
  throttle: () => Promise<void>;
  concurrency: number;
  writes: WriteCoalescer;
}

async function sendPage(
  ctx: SendContext,
  recipients: Subscriber[],
  page: Subscriber[],
  priorErrors: number,
): Promise<PageResult> {
  const { deps, campaign, sender } = ctx;
  const outcomes = new Map<string, Settled | undefined>();
  for (const s of page) outcomes.set(s.id, undefined);
  const included = new Set(recipients.map((r) => r.id));
  for (const s of page) if (!included.has(s.id)) outcomes.delete(s.id);

  const logs = await deps.store.getAll<RecipientLog>(
    recipients.map((r) => recipientPath(sender.shopId, campaign.id, r.id)),
  );
  const threshold = sender.settings.errorThreshold;
  let errors = 0;
  let next = 0;

  async function worker(): Promise<void> {
    while (next < recipients.length && priorErrors + errors < threshold) {
      const index = next++;
      const subscriber = recipients[index]!;
      const existing = logs[index]?.exists ? RecipientLogSchema.parse(logs[index]!.data) : null;
      const outcome = await sendOne(ctx, subscriber, existing);
      if (outcome === 'retry') errors += 1;
      else outcomes.set(subscriber.id, outcome);
    }
  }
  await Promise.all(Array.from({ length: ctx.concurrency }, worker));
  return { outcomes, errors };
}

async function sendOne(
  ctx: SendContext,
  subscriber: Subscriber,
  existing: RecipientLog | null,
): Promise<Settled | 'retry'> {
  const { deps, sender, campaign, options, writes } = ctx;
  const path = recipientPath(sender.shopId, campaign.id, subscriber.id);
  const messageId = campaignMessageId(campaign.id, subscriber.id, sender.mailDomain);
  if (existing && existing.status !== 'sending') return existing.status;

  const now = () => deps.clock.now().toISOString();
  if (existing) {
    // A crashed worker claimed this recipient; it may or may not have reached the relay.
    if (options.deliveryProbe && (await options.deliveryProbe(existing.messageId))) {
      await writes.write({ kind: 'update', path, patch: { status: 'sent', settledAt: now() } });
      return 'sent';
    }
  } else {
    const claim: RecipientLog = {
      status: 'sending',
      messageId,
      claimedAt: now(),
      settledAt: null,
      smtpCode: null,
      openedAt: null,
      clickedAt: null,
    };
    try {
      await writes.write({ kind: 'create', path, data: claim });
    } catch (error) {
      if (isAppError(error, 'already_exists')) return 'retry';
      throw error;
    }
  }

  await ctx.throttle();
  try {
    await (options.mailer ?? deps.mailer).send(recipientMessage(ctx, subscriber, messageId));
    await writes.write({ kind: 'update', path, patch: { status: 'sent', settledAt: now() } });
    return 'sent';
  } catch (error) {
    return settleFailure(ctx, subscriber, path, error);
  }
}

function recipientMessage(ctx: SendContext, subscriber: Subscriber, messageId: string) {
  const { deps, sender, campaign } = ctx;
  const rendered = campaign.rendered!;
  const base = rendered[subscriber.locale] ?? rendered.es ?? Object.values(rendered)[0]!;
  const links = unsubscribeLinks(deps.secretKey, sender, subscriber.id, campaign.id);
  const tracking = sender.settings.tracking;
  const trackToken =
    tracking.opens || tracking.clicks
      ? signToken(deps.secretKey, sender.shopId, {
          purpose: 't',
          subscriberId: subscriber.id,
          campaignId: campaign.id,
        })
      : undefined;
  const email = personalize(base, {
    unsubscribeUrl: links.url,
    ...(trackToken ? { trackToken } : {}),
  });
  return {
    from: sender.from,
    to: subscriber.email,
    ...(sender.replyTo ? { replyTo: sender.replyTo } : {}),
    subject: email.subject,
    html: email.html,
    text: email.text,
    headers: { ...links.headers, 'Content-Language': subscriber.locale },
    messageId,
  };
}

/** 5xx: the address is dead (bounced); other AppErrors of the message: failed; else retry. */
async function settleFailure(
  ctx: SendContext,
  subscriber: Subscriber,
  path: string,
  error: unknown,
): Promise<Settled | 'retry'> {
  const { deps, sender } = ctx;
  const now = deps.clock.now().toISOString();
  const smtpCode = (error as AppError).details as { smtpCode?: number } | undefined;
  if (isAppError(error, 'bad_request') && (smtpCode?.smtpCode ?? 0) >= 500) {
    await deps.store.update(path, {
      status: 'bounced',
      settledAt: now,
      smtpCode: smtpCode!.smtpCode!,
    });
    await deps.store.update(subscriberPath(sender.shopId, subscriber.id), {
      status: 'bounced',
      bouncedAt: now,
      updatedAt: now,
    });
    return 'bounced';
  }
  if (isAppError(error) && error.code !== 'upstream_unavailable') {
    await deps.store.update(path, { status: 'failed', settledAt: now });
    return 'failed';
  }
  // The relay may have been unreachable before or after accepting: release the claim so the
  // next run retries it under the same Message-ID.
  await deps.store.delete(path);
  deps.log.warn({ shopId: sender.shopId, err_message: String(error) }, 'campaign send failed');
  return 'retry';
}

/**
 * Advances the checkpoint past the longest settled prefix of the page and adds exactly those
 * recipients to the statistics, in one transaction: each recipient is counted once, when the
 * checkpoint passes it. The last page, fully settled, finishes the campaign.
 */
async function saveCheckpoint(
  deps: Deps,
  campaign: Campaign,
  lease: { owner: string; ms: number },
  page: Subscriber[],
  lastPage: boolean,
  result: PageResult,
  sender: Sender,
): Promise<Campaign> {
  const delta: Pick<CampaignStats, Settled> = { sent: 0, bounced: 0, failed: 0 };
  let checkpoint = campaign.checkpoint;
  for (const subscriber of page) {
    const outcome = result.outcomes.get(subscriber.id);
    if (result.outcomes.has(subscriber.id) && !outcome) break;
    if (outcome) delta[outcome] += 1;
    checkpoint = subscriber.id;
  }
  const complete = lastPage && checkpoint === (page.at(-1)?.id ?? campaign.checkpoint);
  const path = campaignPath(sender.shopId, campaign.id);

  return deps.store.runTransaction(async (tx) => {
    const current = campaignOf(await tx.get(path));
    if (!current) throw new AppError('not_found');
    const now = deps.clock.now();
    const ours = current.lease?.owner === lease.owner;
    const updated: Campaign = {
      ...current,
      checkpoint: ours ? checkpoint : current.checkpoint,
      stats: {
        ...current.stats,
        sent: current.stats.sent + delta.sent,
        bounced: current.stats.bounced + delta.bounced,
        failed: current.stats.failed + delta.failed,
      },
      errorCount: current.errorCount + result.errors,
      lease: ours ? { owner: lease.owner, until: iso(now, lease.ms) } : current.lease,
      updatedAt: now.toISOString(),
    };
    if (updated.status === 'sending' && updated.errorCount >= sender.settings.errorThreshold) {
      updated.status = 'paused';
      updated.pauseReason = `${updated.errorCount} sends failed; check the mail server, then resume.`;
    } else if (updated.status === 'sending' && ours && complete) {
      updated.status = 'sent';
      updated.finishedAt = now.toISOString();
    }
    if (updated.status !== 'sending') {
      updated.lease = null;
      dequeueCampaign(tx, sender.shopId, campaign.id);
    }
    tx.set(path, updated);
    return updated;
  });
}

/** Lets the next run start at once instead of waiting for the lease to run out. */
async function releaseLease(deps: Deps, shopId: string, campaignId: string, owner: string) {
  await deps.store.runTransaction(async (tx) => {
    const path = campaignPath(shopId, campaignId);
    const current = campaignOf(await tx.get(path));
    if (current?.lease?.owner === owner) tx.update(path, { lease: null });
  });
}

function iso(now: Date, plusMs: number): string {
  return new Date(now.getTime() + plusMs).toISOString();
}
