import { z } from 'zod';
import { LocalizedText } from '../i18n/locale.ts';
import { Tag } from './subscriber.ts';

/** Subjects, names and labels that end up in headers: single line, no control characters. */
export const SingleLine = z
  .string()
  .regex(/^[^\r\n\t\0]*$/, 'must be a single line without control characters');

export const LocalizedLine = z.object({
  es: SingleLine.min(1).max(200),
  en: SingleLine.max(200).optional(),
});

/** Absolute http(s) URL, or a path starting with `/` resolved against the shop's site. */
const Link = z
  .string()
  .max(1000)
  .regex(/^(https?:\/\/[^\s"<>]+|\/[^\s"<>]*)$/, 'an https URL or a path starting with /');

export const Block = z.discriminatedUnion('type', [
  z.object({ type: z.literal('heading'), text: LocalizedLine }),
  z.object({ type: z.literal('text'), markdown: LocalizedText }),
  z.object({
    type: z.literal('image'),
    src: Link,
    alt: LocalizedLine,
    href: Link.optional(),
  }),
  z.object({
    type: z.literal('products'),
    productIds: z.array(z.string().min(1).max(64)).min(1).max(6),
  }),
  z.object({ type: z.literal('button'), label: LocalizedLine, href: Link }),
]);
export type Block = z.infer<typeof Block>;

/** Who receives a campaign; every segment is limited to confirmed subscribers. */
export const Segment = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('all') }),
  z.object({ kind: z.literal('tag'), tag: Tag }),
  z.object({
    kind: z.literal('bought'),
    productIds: z.array(z.string().min(1).max(64)).max(50).default([]),
    collection: z.string().min(1).max(120).optional(),
  }),
  z.object({ kind: z.literal('inactive'), days: z.number().int().min(1).max(3650) }),
]);
export type Segment = z.infer<typeof Segment>;

export const CampaignStatus = z.enum([
  'draft',
  'scheduled',
  'sending',
  'paused',
  'cancelled',
  'sent',
]);
export type CampaignStatus = z.infer<typeof CampaignStatus>;

export const CampaignStats = z.object({
  sent: z.number().int().min(0).default(0),
  failed: z.number().int().min(0).default(0),
  bounced: z.number().int().min(0).default(0),
  unsubscribed: z.number().int().min(0).default(0),
  opens: z.number().int().min(0).default(0),
  clicks: z.number().int().min(0).default(0),
});
export type CampaignStats = z.infer<typeof CampaignStats>;

/** The content a merchant edits. */
export const CampaignContent = z.object({
  name: SingleLine.min(1).max(120),
  subject: LocalizedLine,
  preheader: z.object({ es: SingleLine.max(200), en: SingleLine.max(200).optional() }).optional(),
  blocks: z.array(Block).max(40),
  segment: Segment.default({ kind: 'all' }),
});
export type CampaignContent = z.infer<typeof CampaignContent>;

/** One language's frozen message: compiled once when sending starts. */
export const RenderedEmail = z.object({
  subject: z.string(),
  html: z.string(),
  text: z.string(),
  /** Targets of tracked links, by index; empty unless the shop tracks clicks. */
  links: z.array(z.string()).default([]),
});
export type RenderedEmail = z.infer<typeof RenderedEmail>;

/** `shops/{shopId}/campaigns/{id}`. */
export const Campaign = CampaignContent.extend({
  id: z.string(),
  status: CampaignStatus,
  scheduledAt: z.iso.datetime().nullable().default(null),
  startedAt: z.iso.datetime().nullable().default(null),
  finishedAt: z.iso.datetime().nullable().default(null),
  /** Subscriber id after which sending resumes; recipients up to it are settled. */
  checkpoint: z.string().nullable().default(null),
  rendered: z.record(z.string(), RenderedEmail).nullable().default(null),
  stats: CampaignStats.prefault({}),
  /** Transient send failures since the last resume; reaching the threshold pauses. */
  errorCount: z.number().int().min(0).default(0),
  pauseReason: z.string().max(300).nullable().default(null),
  /** The worker currently sending; another worker waits until `until` has passed. */
  lease: z.object({ owner: z.string(), until: z.iso.datetime() }).nullable().default(null),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type Campaign = z.infer<typeof Campaign>;

export const RecipientStatus = z.enum(['sending', 'sent', 'failed', 'bounced']);
export type RecipientStatus = z.infer<typeof RecipientStatus>;

/**
 * `shops/{shopId}/campaigns/{campaignId}/recipients/{subscriberId}`: the idempotency key of a
 * send. Written as `sending` (with the Message-ID) before the SMTP transaction starts.
 */
export const RecipientLog = z.object({
  status: RecipientStatus,
  messageId: z.string(),
  claimedAt: z.iso.datetime(),
  settledAt: z.iso.datetime().nullable().default(null),
  smtpCode: z.number().int().nullable().default(null),
  openedAt: z.iso.datetime().nullable().default(null),
  clickedAt: z.iso.datetime().nullable().default(null),
});
export type RecipientLog = z.infer<typeof RecipientLog>;
