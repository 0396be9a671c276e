/**
 * `npm run bench -- build`: builds a generated shop of 1,000 and of 10,000 products with the
 * storefront, and a bare Astro site of as many trivial pages, each in a fresh process, in the
 * same run. `ratio` = storefront build time / bare build time with one trivial page per
 * product. Every product has a Spanish and an English page, so the storefront writes about
 * twice as many pages: `same_pages_ratio` compares with a bare site of that many pages.
 */

import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeScratchDir } from '../../functions/publish/build-site.ts';
import { round } from '../support.ts';
import { generateSnapshot } from './build.generate.ts';

interface Measure {
  ms: number;
  peak_mb: number;
  pages: number;
}

/** Runs one build in a fresh process with its own scratch working directory. */
async function runWorker(args: string[]): Promise<Measure> {
  const cwd = await makeScratchDir();
  return new Promise<Measure>((resolve, reject) => {
    const worker = new URL('./build.worker.ts', import.meta.url).pathname;
    const child = spawn(process.execPath, [worker, ...args], {
      cwd,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout?.on('data', (d) => (out += d));
    child.stderr?.on('data', (d) => (err += d));
    child.on('exit', (code) => {
      const last = out.trim().split('\n').at(-1) ?? '';
      if (code !== 0 || !last.startsWith('{')) reject(new Error(`build worker failed: ${err}`));
      else resolve(JSON.parse(last) as Measure);
    });
  }).finally(() => rmSync(cwd, { recursive: true, force: true }));
}

async function measure(products: number) {
  const dir = mkdtempSync(join(tmpdir(), `konta-bench-build-${products}-`));
  try {
    const snapshotFile = join(dir, 'snapshot.json');
    writeFileSync(snapshotFile, JSON.stringify(generateSnapshot(products)));

    process.stderr.write(`· ${products} products: bare Astro baseline (${products} pages)…\n`);
    const bare = await runWorker(['bare', String(products), join(dir, 'bare')]);
    process.stderr.write(`  ${bare.ms} ms, ${bare.peak_mb} MB\n`);
    process.stderr.write(`· ${products} products: storefront…\n`);
    const site = await runWorker(['site', snapshotFile, join(dir, 'site')]);
    process.stderr.write(`  ${site.ms} ms, ${site.peak_mb} MB, ${site.pages} pages\n`);

    process.stderr.write(`· ${products} products: bare Astro, as many pages as the storefront…\n`);
    const barePages = await runWorker(['bare', String(site.pages), join(dir, 'bare-pages')]);
    process.stderr.write(`  ${barePages.ms} ms, ${barePages.peak_mb} MB\n`);

    return {
      products,
      ms: site.ms,
      baseline_ms: bare.ms,
      ratio: round(site.ms / bare.ms),
      peak_mb: site.peak_mb,
      baseline_peak_mb: bare.peak_mb,
      pages: site.pages,
      baseline_pages: bare.pages,
      same_pages_baseline_ms: barePages.ms,
      same_pages_ratio: round(site.ms / barePages.ms),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export default async function buildBench(): Promise<object> {
  const small = await measure(1000);
  const large = await measure(10_000);
  return { scenario: 'build', ...small, at_10000: large };
}
