import { createHash } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Clock } from '../core/clock.ts';
import type { Logger } from '../core/logger.ts';
import { MEDIA_NAME, type MediaStorage } from '../media/storage.ts';
import type { Store } from '../store/port.ts';
import { canonicalJson } from './canonical-json.ts';
import { DOCUMENTS_FILE, MANIFEST_FILE, type Manifest } from './manifest.ts';
import { type WalkOptions, walkDocuments } from './walk-documents.ts';

export interface BackupDeps {
  store: Store;
  media: MediaStorage;
  clock: Clock;
  log: Logger;
}

const sha256 = (bytes: Uint8Array | string) => createHash('sha256').update(bytes).digest('hex');

/** `products/p1/images/i1` → `products/*\/images`: the collection a document belongs to. */
function collectionPattern(relative: string): string {
  const segments = relative.split('/').slice(0, -1);
  return segments.map((s, i) => (i % 2 === 1 ? '*' : s)).join('/');
}

/** Media names the documents point at: strings of the form `media/<name>`. */
function collectMedia(value: unknown, into: Set<string>): void {
  if (typeof value === 'string') {
    const name = value.startsWith('media/') ? value.slice('media/'.length) : undefined;
    if (name && MEDIA_NAME.test(name)) into.add(name);
  } else if (Array.isArray(value)) {
    for (const v of value) collectMedia(v, into);
  } else if (value && typeof value === 'object') {
    for (const v of Object.values(value)) collectMedia(v, into);
  }
}

/** What an export covers: one shop, or the platform documents outside every shop. */
export type ExportScope = { shopId: string } | { platform: true };

/** Platform collections a store export leaves out: shops go one folder each, sessions expire. */
export const PLATFORM_SKIP = ['shops', 'sessions'];

export const PLATFORM_ID = '_platform';

/**
 * Writes a portable export into `outDir`: `documents.ndjson` (every document in scope, sorted
 * by path, keys sorted), `media/<name>` for every image a shop's documents reference, and
 * `manifest.json` with counts and SHA-256 checksums. Two exports of unchanged data are
 * byte-identical apart from `exportedAt`.
 */
export async function exportScope(
  deps: BackupDeps,
  scope: ExportScope,
  outDir: string,
  options: WalkOptions = {},
): Promise<Manifest> {
  const shopId = 'shopId' in scope ? scope.shopId : PLATFORM_ID;
  const root = 'shopId' in scope ? `shops/${scope.shopId}` : '';
  const walk = 'shopId' in scope ? options : { ...options, skipRootCollections: PLATFORM_SKIP };
  const started = performance.now();
  const lines: { path: string; line: string }[] = [];
  const collections: Record<string, number> = {};
  const media = new Set<string>();

  for await (const snap of walkDocuments(deps.store, root, walk)) {
    const path = !root ? snap.path : snap.path === root ? '' : snap.path.slice(root.length + 1);
    lines.push({ path, line: canonicalJson({ path, data: snap.data }) });
    if (path) {
      const pattern = collectionPattern(path);
      collections[pattern] = (collections[pattern] ?? 0) + 1;
    }
    if (root) collectMedia(snap.data, media);
  }
  lines.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));

  await mkdir(join(outDir, 'media'), { recursive: true });
  const ndjson = lines.map((l) => `${l.line}\n`).join('');
  await writeFile(join(outDir, DOCUMENTS_FILE), ndjson);
  const files: Manifest['files'] = {
    [DOCUMENTS_FILE]: { bytes: Buffer.byteLength(ndjson), sha256: sha256(ndjson) },
  };

  const missingImages: string[] = [];
  for (const name of [...media].sort()) {
    const file = await deps.media.get(shopId, name);
    if (!file) {
      missingImages.push(name);
      continue;
    }
    await writeFile(join(outDir, 'media', name), file.bytes);
    files[`media/${name}`] = { bytes: file.bytes.byteLength, sha256: sha256(file.bytes) };
  }

  const manifest: Manifest = {
    format: 'konta-shop-export',
    version: 1,
    shopId,
    exportedAt: deps.clock.now().toISOString(),
    source: deps.store.kind,
    documents: lines.length,
    collections: Object.fromEntries(Object.entries(collections).sort()),
    files,
    missingImages,
  };
  await writeFile(join(outDir, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
  deps.log.info(
    {
      shopId,
      documents: lines.length,
      images: Object.keys(files).length - 1,
      missingImages: missingImages.length,
      ms: Math.round(performance.now() - started),
    },
    'backup exported',
  );
  return manifest;
}

export function exportShop(
  deps: BackupDeps,
  shopId: string,
  outDir: string,
  options: WalkOptions = {},
): Promise<Manifest> {
  return exportScope(deps, { shopId }, outDir, options);
}
