import { resolve } from 'node:path';
import { buildFunctions } from '../ops/build-functions.ts';

/** `npm run build:functions [-- name ...]`: bundles each function into dist/functions/<name>. */
const root = resolve(import.meta.dirname, '../..');
const only = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const started = performance.now();
const built = await buildFunctions({ root, outDir: resolve(root, 'dist/functions'), only });
for (const fn of built) {
  const deps = Object.keys(fn.dependencies).join(', ');
  console.log(
    `${fn.name}: ${(fn.bytes / 1024).toFixed(1)} KiB in ${fn.files.length} files; ${deps}`,
  );
}
console.log(`built ${built.length} functions in ${Math.round(performance.now() - started)} ms`);
