/**
 * `npm run bench -- build`: builds a generated shop of 1,000 and of 10,000 products with the
 * storefront, and a bare Astro site of as many trivial pages, each in a fresh process, in the
 * same run, alternating, and compares medians. `ratio` = storefront build time / bare build
 * time with one trivial page per product. Every product has a Spanish and an English page, so
 * the storefront writes about twice as many pages: `same_pages_ratio` compares with a bare
 * site of that many pages.
 */

import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BUILD_NODE_FLAGS } from '../../functions/publish/astro-build.ts';
import { makeScratchDir } from '../../functions/publish/build-site.ts';
import { median, round } from '../support.ts';
import { generateSnapshot } from './build.generate.ts';

interface Measure {
  ms: number;
  peak_mb: number;
  pages: number;
}

/** Runs one build in a fresh process with its own scratch working directory. */
async function runWorker(args: string[]): Promise<Measure> {
  const cwd = await makeScratchDir();
  // The storefront build runs with the flags the publisher gives it; the bare site with none.
  const flags = args[0] === 'site' ? BUILD_NODE_FLAGS : [];
  return new Promise<Measure>((resolve, reject) => {
    const worker = new URL('./build.worker.ts', import.meta.url).pathname;
    const child = spawn(process.execPath, [...flags, worker, ...args], {
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

/** Medians of `rounds` alternating builds: this shared machine's speed drifts by ±30 %. */
async function measure(products: number, rounds: number) {
  const dir = mkdtempSync(join(tmpdir(), `konta-bench-build-${products}-`));
  try {
    const snapshotFile = join(dir, 'snapshot.json');
    writeFileSync(snapshotFile, JSON.stringify(generateSnapshot(products)));

    const runs = { bare: [] as Measure[], site: [] as Measure[], barePages: [] as Measure[] };
    for (let round = 1; round <= rounds; round++) {
      const tag = `· ${products} products, round ${round}/${rounds}:`;
      runs.bare.push(await runWorker(['bare', String(products), join(dir, `bare-${round}`)]));
      process.stderr.write(`${tag} bare Astro (${products} pages) ${runs.bare.at(-1)!.ms} ms\n`);
      runs.site.push(await runWorker(['site', snapshotFile, join(dir, `site-${round}`)]));
      const pages = runs.site.at(-1)!.pages;
      process.stderr.write(`${tag} storefront (${pages} pages) ${runs.site.at(-1)!.ms} ms\n`);
      runs.barePages.push(await runWorker(['bare', String(pages), join(dir, `pages-${round}`)]));
      process.stderr.write(`${tag} bare Astro (${pages} pages) ${runs.barePages.at(-1)!.ms} ms\n`);
    }

    const ms = median(runs.site.map((r) => r.ms));
    const bareMs = median(runs.bare.map((r) => r.ms));
    const barePagesMs = median(runs.barePages.map((r) => r.ms));
    return {
      products,
      ms,
      baseline_ms: bareMs,
      ratio: round(ms / bareMs),
      peak_mb: Math.max(...runs.site.map((r) => r.peak_mb)),
      baseline_peak_mb: Math.max(...runs.bare.map((r) => r.peak_mb)),
      pages: runs.site[0]!.pages,
      baseline_pages: runs.bare[0]!.pages,
      same_pages_baseline_ms: barePagesMs,
      same_pages_ratio: round(ms / barePagesMs),
      rounds,
      runs_ms: runs.site.map((r) => r.ms),
      baseline_runs_ms: runs.bare.map((r) => r.ms),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** `npm run bench -- build [rounds at 1,000 = 5] [rounds at 10,000 = 1, 0 skips it]` */
export default async function buildBench(args: string[]): Promise<object> {
  const rounds = (arg: string | undefined, fallback: number) => {
    const n = Number(arg ?? fallback);
    if (!Number.isInteger(n) || n < 0) throw new Error(`rounds must be a whole number: ${arg}`);
    return n;
  };
  const small = await measure(1000, Math.max(1, rounds(args[0], 5)));
  const atLarge = rounds(args[1], 1);
  // `0` rounds at 10,000 skips that size (a quick check of the 1,000 figure).
  const large = atLarge > 0 ? await measure(10_000, atLarge) : undefined;
  return { scenario: 'build', ...small, at_10000: large };
}
