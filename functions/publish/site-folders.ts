import { randomBytes } from 'node:crypto';
import { readdir, readlink, rename, rm, symlink } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * A shop's published sites on disk: `{sitesDir}/{shopId}/builds/{stamp}/` holds each build and
 * `{sitesDir}/{shopId}/current` is a symlink to the one being served.
 */
export function shopSiteDir(sitesDir: string, shopId: string): string {
  return join(sitesDir, shopId);
}

export function currentDir(sitesDir: string, shopId: string): string {
  return join(shopSiteDir(sitesDir, shopId), 'current');
}

/** A sortable, unique build folder name. */
export function buildStamp(now: Date): string {
  return `${now.toISOString().replace(/[-:.]/g, '').replace('T', '-')}-${randomBytes(3).toString('hex')}`;
}

/**
 * Points `current` at `builds/{stamp}` atomically: a new symlink is made beside it and renamed
 * over it (rename(2) replaces the old link in one step), so a reader sees the old build or the
 * new one, never a half-written folder.
 */
export async function swapCurrent(sitesDir: string, shopId: string, stamp: string): Promise<void> {
  const dir = shopSiteDir(sitesDir, shopId);
  const temp = join(dir, `.current-${randomBytes(4).toString('hex')}`);
  await symlink(join('builds', stamp), temp, 'dir');
  await rename(temp, join(dir, 'current'));
}

export async function currentStamp(sitesDir: string, shopId: string): Promise<string | undefined> {
  try {
    return (await readlink(currentDir(sitesDir, shopId))).split('/').pop();
  } catch {
    return undefined;
  }
}

/** Removes old builds (folder and snapshot), keeping the newest `keep` and the live one. */
export async function pruneBuilds(sitesDir: string, shopId: string, keep: number): Promise<number> {
  const buildsDir = join(shopSiteDir(sitesDir, shopId), 'builds');
  const live = await currentStamp(sitesDir, shopId);
  const names = (await readdir(buildsDir)).filter((n) => !n.startsWith('.'));
  const stamps = [...new Set(names.map((n) => n.replace(/\.json$/, '')))];
  const stale = stamps
    .sort()
    .reverse()
    .slice(keep)
    .filter((stamp) => stamp !== live);
  for (const stamp of stale) {
    await rm(join(buildsDir, stamp), { recursive: true, force: true });
    await rm(join(buildsDir, `${stamp}.json`), { force: true });
  }
  return stale.length;
}
