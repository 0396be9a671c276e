import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { AppError } from '../core/errors.ts';
import { contentTypeOf, MEDIA_NAME, type MediaStorage } from './storage.ts';

/** Where a shop's media files live locally; publishing copies them into the site. */
export function mediaDirOf(dataDir: string, shopId: string): string {
  return join(dataDir, 'media', shopId);
}

/** Files under `{dataDir}/media/{shopId}/{name}`; names are checked so paths cannot escape. */
export function createLocalMediaStorage(dataDir: string): MediaStorage {
  const fileOf = (shopId: string, name: string) => {
    if (!MEDIA_NAME.test(name) || !/^[a-z0-9-]+$/.test(shopId)) {
      throw new AppError('bad_request', { message: `Invalid media name ${name}.` });
    }
    return join(mediaDirOf(dataDir, shopId), name);
  };
  return {
    async put(shopId, name, bytes) {
      const file = fileOf(shopId, name);
      await mkdir(mediaDirOf(dataDir, shopId), { recursive: true });
      await writeFile(file, bytes);
    },
    async get(shopId, name) {
      try {
        const bytes = await readFile(fileOf(shopId, name));
        return { bytes, contentType: contentTypeOf(name) };
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
        throw error;
      }
    },
    async delete(shopId, name) {
      await rm(fileOf(shopId, name), { force: true });
    },
  };
}
