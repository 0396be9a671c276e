import { z } from 'zod';

export const FORMAT = 'konta-shop-export';
export const DOCUMENTS_FILE = 'documents.ndjson';
export const MANIFEST_FILE = 'manifest.json';

const Sha256 = z.string().regex(/^[0-9a-f]{64}$/);

/**
 * What a portable export holds. Document paths in the NDJSON are relative to the shop
 * (`products/p1`; the shop document itself is `""`), so an export restores under any shop id.
 */
export const Manifest = z.object({
  format: z.literal(FORMAT),
  version: z.literal(1),
  shopId: z.string().min(1),
  exportedAt: z.iso.datetime(),
  source: z.enum(['sqlite', 'firestore']),
  documents: z.number().int().nonnegative(),
  /** Documents per collection pattern, e.g. `products`, `products/*\/images`. */
  collections: z.record(z.string(), z.number().int().nonnegative()),
  files: z.record(z.string(), z.object({ bytes: z.number().int().nonnegative(), sha256: Sha256 })),
  /** Images the documents reference that the media storage did not have. */
  missingImages: z.array(z.string()),
});
export type Manifest = z.infer<typeof Manifest>;

export const DocumentLine = z.object({
  path: z.string(),
  data: z.record(z.string(), z.unknown()),
});
export type DocumentLine = z.infer<typeof DocumentLine>;
