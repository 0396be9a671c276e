import { parse } from 'csv-parse/sync';
import { z } from 'zod';
import { Locale } from '../../../shared/i18n/locale.ts';
import { EmailAddress, type Subscriber, Tag } from '../../../shared/newsletter/subscriber.ts';
import { AppError } from '../../core/errors.ts';
import type { Deps } from '../../deps.ts';
import { MAX_BATCH_WRITES } from '../../store/port.ts';
import { subscriberIdOf, subscriberPath } from '../keys.ts';

export const MAX_IMPORT_ROWS = 20_000;

/**
 * One CSV row. `consent_source` is mandatory: the merchant states where each contact agreed
 * (e.g. "market stall sign-up sheet 2025"). Tags are separated by `|`.
 */
const Row = z.object({
  email: EmailAddress,
  consent_source: z
    .string()
    .trim()
    .min(3)
    .max(200)
    .regex(/^[^\r\n]*$/),
  consented_at: z.iso.datetime().or(z.iso.date()).optional().or(z.literal('')),
  locale: Locale.optional().or(z.literal('')),
  tags: z.string().max(500).optional(),
});

export interface ImportResult {
  imported: number;
  /** Already known addresses are left as they are (an unsubscribe is never undone). */
  skipped: number;
  invalid: { line: number; reason: string }[];
}

export async function importSubscribers(
  deps: Deps,
  shopId: string,
  csv: string,
): Promise<ImportResult> {
  let records: Record<string, string>[];
  try {
    records = parse(csv, { columns: true, skip_empty_lines: true, trim: true, bom: true });
  } catch (error) {
    throw new AppError('validation_failed', {
      message: `The CSV could not be read: ${(error as Error).message}`,
      hint: 'Use a header row with email,consent_source and optional consented_at,locale,tags.',
    });
  }
  if (records.length > MAX_IMPORT_ROWS) {
    throw new AppError('payload_too_large', { message: `At most ${MAX_IMPORT_ROWS} rows.` });
  }

  const result: ImportResult = { imported: 0, skipped: 0, invalid: [] };
  const rows = new Map<string, Subscriber>();
  const now = deps.clock.now().toISOString();
  records.forEach((record, index) => {
    const row = Row.safeParse(record);
    const tags = (row.data?.tags ?? '')
      .split('|')
      .map((t) => t.trim())
      .filter(Boolean);
    const validTags = z.array(Tag).max(50).safeParse(tags);
    if (!row.success || !validTags.success) {
      const issue = row.error?.issues[0] ?? validTags.error?.issues[0];
      result.invalid.push({
        line: index + 2,
        reason: `${issue?.path.join('.')}: ${issue?.message}`,
      });
      return;
    }
    const email = row.data.email.toLowerCase();
    const id = subscriberIdOf(deps.secretKey, shopId, email);
    const at = row.data.consented_at ? new Date(row.data.consented_at).toISOString() : now;
    const locale = row.data.locale || 'es';
    rows.set(id, {
      id,
      email,
      status: 'confirmed',
      locale,
      tags: validTags.data,
      consent: {
        at,
        ip: null,
        userAgent: null,
        formVersion: 'import',
        source: 'import',
        locale,
        note: row.data.consent_source,
      },
      confirmation: null,
      imported: true,
      confirmationSentAt: null,
      unsubscribedAt: null,
      bouncedAt: null,
      createdAt: now,
      updatedAt: now,
    });
  });

  const ids = [...rows.keys()];
  for (let i = 0; i < ids.length; i += MAX_BATCH_WRITES) {
    const chunk = ids.slice(i, i + MAX_BATCH_WRITES);
    const existing = await deps.store.getAll(chunk.map((id) => subscriberPath(shopId, id)));
    const batch = deps.store.batch();
    chunk.forEach((id, j) => {
      if (existing[j]?.exists) {
        result.skipped += 1;
        return;
      }
      batch.create(subscriberPath(shopId, id), rows.get(id)!);
      result.imported += 1;
    });
    await batch.commit();
  }
  return result;
}
