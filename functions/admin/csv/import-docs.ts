import { z } from 'zod';
import { TaxClass } from '../../../shared/money/money.ts';
import type { Store } from '../../store/port.ts';

export const importsOf = (shopId: string) => `shops/${shopId}/imports`;
export const importPath = (shopId: string, id: string) => `${importsOf(shopId)}/${id}`;
const partPath = (shopId: string, id: string, n: number) =>
  `${importPath(shopId, id)}/parts/${String(n).padStart(4, '0')}`;

/** Firestore documents hold at most 1 MiB; the CSV text is kept in parts well below it. */
const PART_CHARS = 400_000;
export const MAX_CSV_BYTES = 8 * 1024 * 1024;

const Issue = z.object({ row: z.number(), column: z.string().optional(), message: z.string() });

export const ImportDoc = z.object({
  id: z.string(),
  status: z.enum(['previewed', 'applying', 'applied', 'failed']),
  headerSet: z.enum(['older', 'newer']),
  taxClass: TaxClass,
  parts: z.number().int(),
  summary: z.object({
    rows: z.number().int(),
    products: z.number().int(),
    variants: z.number().int(),
    images: z.number().int(),
    creates: z.number().int(),
    updates: z.number().int(),
  }),
  /** Rows that keep a product out of the import; at most 500 are kept. */
  errors: z.array(Issue),
  /** Problems found while applying (an image that could not be fetched). */
  warnings: z.array(Issue).default([]),
  progress: z.object({ done: z.number().int(), total: z.number().int() }),
  createdBy: z.string(),
  createdAt: z.iso.datetime(),
  appliedAt: z.iso.datetime().optional(),
});
export type ImportDoc = z.infer<typeof ImportDoc>;

export async function saveCsvParts(store: Store, shopId: string, id: string, text: string) {
  const batch = store.batch();
  let n = 0;
  for (let at = 0; at < text.length; at += PART_CHARS) {
    batch.set(partPath(shopId, id, n), { text: text.slice(at, at + PART_CHARS) });
    n += 1;
  }
  await batch.commit();
  return n;
}

export async function loadCsvText(store: Store, shopId: string, id: string, parts: number) {
  const paths = Array.from({ length: parts }, (_, n) => partPath(shopId, id, n));
  const snaps = await store.getAll<{ text: string }>(paths);
  return snaps.map((s) => s.data?.text ?? '').join('');
}
