import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { AppError } from '../core/errors.ts';
import { contentTypeOf } from '../media/storage.ts';
import { MAX_BATCH_WRITES } from '../store/port.ts';
import type { BackupDeps } from './export-shop.ts';
import { PLATFORM_ID, PLATFORM_SKIP } from './export-shop.ts';
import { DOCUMENTS_FILE, DocumentLine, MANIFEST_FILE, Manifest } from './manifest.ts';
import type { WalkOptions } from './walk-documents.ts';

export interface RestoreResult {
  readonly shopId: string;
  readonly documents: number;
  readonly images: number;
}

/** Reads and checks an export: every file's size and checksum must match the manifest. */
export async function readExport(
  dir: string,
): Promise<{ manifest: Manifest; lines: DocumentLine[] }> {
  const raw = JSON.parse(await readFile(join(dir, MANIFEST_FILE), 'utf8'));
  const parsed = Manifest.safeParse(raw);
  if (!parsed.success) {
    throw new AppError('bad_request', {
      message: `${join(dir, MANIFEST_FILE)} is not a Kontá export manifest.`,
      details: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`),
    });
  }
  const manifest = parsed.data;
  for (const [name, expected] of Object.entries(manifest.files)) {
    const bytes = await readFile(join(dir, name));
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    if (sha256 !== expected.sha256 || bytes.byteLength !== expected.bytes) {
      throw new AppError('bad_request', {
        message: `The export is damaged: ${name} does not match its checksum.`,
        hint: 'Restore from another backup generation.',
      });
    }
  }
  const text = await readFile(join(dir, DOCUMENTS_FILE), 'utf8');
  const lines = text
    .split('\n')
    .filter(Boolean)
    .map((l) => DocumentLine.parse(JSON.parse(l)));
  if (lines.length !== manifest.documents) {
    throw new AppError('bad_request', {
      message: `The export lists ${manifest.documents} documents but holds ${lines.length}.`,
    });
  }
  return { manifest, lines };
}

/**
 * Restores an export into a shop (its own id, or `asShopId`) or, for a platform export, into
 * the store's root. Refuses unless the target is empty, so a restore never merges two states.
 * Documents are created in batches of 500; images go back to the media storage.
 */
export async function restoreExport(
  deps: BackupDeps,
  dir: string,
  options: WalkOptions & { asShopId?: string } = {},
): Promise<RestoreResult> {
  const { manifest, lines } = await readExport(dir);
  const platform = manifest.shopId === PLATFORM_ID;
  const shopId = platform ? PLATFORM_ID : (options.asShopId ?? manifest.shopId);
  const root = platform ? '' : `shops/${shopId}`;

  await assertEmpty(deps, root, options);

  for (let i = 0; i < lines.length; i += MAX_BATCH_WRITES) {
    const batch = deps.store.batch();
    for (const { path, data } of lines.slice(i, i + MAX_BATCH_WRITES)) {
      batch.create(!root ? path : path ? `${root}/${path}` : root, data);
    }
    await batch.commit();
  }

  let images = 0;
  for (const name of Object.keys(manifest.files).filter((f) => f.startsWith('media/'))) {
    const mediaName = name.slice('media/'.length);
    const bytes = await readFile(join(dir, name));
    await deps.media.put(shopId, mediaName, bytes, contentTypeOf(mediaName));
    images++;
  }

  deps.log.info({ shopId, documents: lines.length, images }, 'backup restored');
  return { shopId, documents: lines.length, images };
}

async function assertEmpty(deps: BackupDeps, root: string, options: WalkOptions): Promise<void> {
  const list = options.listCollections ?? ((path?: string) => deps.store.listCollections(path));
  const collections = root
    ? await list(root)
    : (await list()).filter((c) => !PLATFORM_SKIP.includes(c));
  const exists = root ? (await deps.store.get(root)).exists : false;
  if (exists || collections.length > 0) {
    throw new AppError('already_exists', {
      message: root
        ? `Shop ${root.slice('shops/'.length)} is not empty; a restore only goes into an empty shop.`
        : 'The store already holds platform documents; restore only into an empty store.',
      hint: 'Restore under a new shop id with --as, or into an empty store.',
    });
  }
}
