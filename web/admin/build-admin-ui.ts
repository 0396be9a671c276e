import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { build } from 'esbuild';
import { PAGES, pageHtml } from './pages.ts';

export interface AdminAsset {
  body: string | Uint8Array;
  type: string;
}

const HERE = import.meta.dirname;

/**
 * Builds the admin UI in memory: one page per screen, the stylesheet, and one ES module bundle
 * (minified, ~100 KB, a third of it the Markdown preview) made by esbuild from `src/main.ts`. Takes ~100 ms.
 */
export async function buildAdminUi(): Promise<Map<string, AdminAsset>> {
  const result = await build({
    entryPoints: [join(HERE, 'src/main.ts')],
    bundle: true,
    format: 'esm',
    target: 'es2022',
    minify: true,
    write: false,
    legalComments: 'none',
  });
  const assets = new Map<string, AdminAsset>();
  for (const file of Object.keys(PAGES)) {
    assets.set(file, { body: pageHtml(file), type: 'text/html; charset=utf-8' });
  }
  assets.set('admin.js', {
    body: result.outputFiles[0]!.contents,
    type: 'text/javascript; charset=utf-8',
  });
  assets.set('admin.css', {
    body: await readFile(join(HERE, 'admin.css'), 'utf8'),
    type: 'text/css; charset=utf-8',
  });
  return assets;
}

/** Writes the admin UI to `outDir` for Firebase Hosting (`/admin/` of the platform site). */
export async function writeAdminUi(outDir: string): Promise<string[]> {
  const assets = await buildAdminUi();
  await mkdir(outDir, { recursive: true });
  for (const [name, asset] of assets) await writeFile(join(outDir, name), asset.body);
  return [...assets.keys()];
}

if (import.meta.main) {
  const out = process.argv[2] ?? join(HERE, '../../dist/hosting/platform/admin');
  const files = await writeAdminUi(out);
  process.stdout.write(`admin UI: ${files.length} files in ${out}\n`);
}
