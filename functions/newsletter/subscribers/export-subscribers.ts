import { stringify } from 'csv-stringify/sync';
import type { Subscriber } from '../../../shared/newsletter/subscriber.ts';
import type { Deps } from '../../deps.ts';
import { subscribersPath } from '../keys.ts';

const COLUMNS = [
  'email',
  'status',
  'locale',
  'tags',
  'consent_source',
  'consent_note',
  'consented_at',
  'consent_ip',
  'consent_user_agent',
  'form_version',
  'confirmed_at',
  'imported',
  'created_at',
];

/** A spreadsheet cell starting with = + - @ would run as a formula: prefix it with '. */
function cell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

function row(s: Subscriber): string[] {
  return [
    s.email,
    s.status,
    s.locale,
    s.tags.join('|'),
    s.consent?.source ?? '',
    s.consent?.note ?? '',
    s.consent?.at ?? '',
    s.consent?.ip ?? '',
    s.consent?.userAgent ?? '',
    s.consent?.formVersion ?? '',
    s.confirmation?.at ?? '',
    s.imported ? 'yes' : 'no',
    s.createdAt,
  ].map(cell);
}

/** Every subscriber except erased ones, as CSV with the consent evidence, paged by cursor. */
export async function exportSubscribers(deps: Deps, shopId: string): Promise<string> {
  const lines = [stringify([COLUMNS])];
  let cursor: Awaited<ReturnType<typeof deps.store.query>>[number] | undefined;
  for (;;) {
    const page = await deps.store.query<Subscriber>({
      collection: subscribersPath(shopId),
      limit: 1000,
      ...(cursor ? { startAfter: cursor } : {}),
    });
    const rows = page.map((s) => s.data!).filter((s) => s.status !== 'erased');
    if (rows.length > 0) lines.push(stringify(rows.map(row)));
    if (page.length < 1000) return lines.join('');
    cursor = page.at(-1);
  }
}
