import { z } from 'zod';
import { isAppError } from '../../core/errors.ts';
import type { Deps } from '../../deps.ts';
import { ledgerId } from '../../inventory/ledger.ts';
import type { DocSnapshot } from '../../store/port.ts';
import { odooLogCollection } from '../paths.ts';

export const SyncKind = z.enum([
  'push_products',
  'push_order',
  'pull_stock',
  'pull_production',
  'test_connection',
]);
export type SyncKind = z.infer<typeof SyncKind>;

/** `shops/{shopId}/odooSync/log/entries/{id}`: one line per sync run, newest last by id. */
export const SyncLogEntry = z.object({
  kind: SyncKind,
  ok: z.boolean(),
  at: z.iso.datetime(),
  /** What the run did, e.g. `{ created: 2, updated: 1 }`, or the order number. */
  summary: z.record(z.string(), z.unknown()),
  error: z
    .object({ code: z.string(), message: z.string(), hint: z.string().optional() })
    .optional(),
});
export type SyncLogEntry = z.infer<typeof SyncLogEntry>;

export async function logSync(
  deps: Deps,
  shopId: string,
  kind: SyncKind,
  summary: Record<string, unknown>,
  error?: unknown,
): Promise<void> {
  const at = deps.clock.now();
  const entry: SyncLogEntry = { kind, ok: error === undefined, at: at.toISOString(), summary };
  if (error !== undefined) {
    entry.error = isAppError(error)
      ? { code: error.code, message: error.message, ...(error.hint ? { hint: error.hint } : {}) }
      : { code: 'internal', message: error instanceof Error ? error.message : String(error) };
  }
  await deps.store.create(`${odooLogCollection(shopId)}/${ledgerId(at)}`, entry);
}

/** Newest first, one page; `after` is the id of the last entry of the previous page. */
export async function listSyncLog(
  deps: Deps,
  shopId: string,
  options: { limit?: number; after?: string } = {},
): Promise<{ entries: (SyncLogEntry & { id: string })[]; next?: string }> {
  const limit = options.limit ?? 50;
  let startAfter: DocSnapshot | undefined;
  if (options.after) {
    startAfter = await deps.store.get(`${odooLogCollection(shopId)}/${options.after}`);
  }
  const snaps = await deps.store.query({
    collection: odooLogCollection(shopId),
    orderBy: [{ field: 'at', direction: 'desc' }],
    limit,
    ...(startAfter?.exists ? { startAfter } : {}),
  });
  const entries = snaps.map((s) => ({ id: s.id, ...SyncLogEntry.parse(s.data) }));
  const next = entries.length === limit ? entries.at(-1)?.id : undefined;
  return { entries, ...(next ? { next } : {}) };
}
