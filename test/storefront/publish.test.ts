import { existsSync, readdirSync, readFileSync, readlinkSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalogPaths } from '../../functions/catalog/paths.ts';
import { seedDemoShops } from '../../functions/local/seed/seed-demo-shops.ts';
import { mediaDirOf } from '../../functions/media/local-media.ts';
import { STOREFRONT_ROOT } from '../../functions/publish/astro-build.ts';
import { publishShop } from '../../functions/publish/publish-shop.ts';
import { currentDir } from '../../functions/publish/site-folders.ts';
import { createTestDeps } from '../support/deps.ts';

const SHOP = 'horno-sin-gluten';
const HOSTILE = [
  'Rico pan.',
  '<script>window.pwned = 1</script>',
  '<img src="x" onerror="window.pwned = 2">',
  '[pulsa aquí](javascript:window.pwned=3)',
  '<a href="javascript:window.pwned=4">enlace</a>',
  '<iframe src="https://evil.example"></iframe>',
].join('\n\n');

let ctx: Awaited<ReturnType<typeof createTestDeps>>;
let sitesDir: string;
const options = () => ({
  sitesDir,
  mediaDir: mediaDirOf(ctx.deps.config.dataDir, SHOP),
  base: '/',
  site: 'https://horno.example',
});

beforeAll(async () => {
  ctx = await createTestDeps();
  sitesDir = join(ctx.dir, 'sites');
  await seedDemoShops(ctx.deps);
});
afterAll(() => ctx.close());

/** Every file and folder under `dir` with its size and modification time. */
function tree(dir: string): Record<string, string> {
  const entries = readdirSync(dir, { recursive: true }).map(String);
  return Object.fromEntries(
    entries.map((name) => {
      const info = statSync(join(dir, name));
      return [name, `${info.size}:${info.mtimeMs}`];
    }),
  );
}

describe('publishing a shop', () => {
  it('builds into a new folder, copies media and points current at it', async () => {
    const result = await publishShop(ctx.deps, SHOP, options());

    expect(readlinkSync(currentDir(sitesDir, SHOP))).toBe(`builds/${result.stamp}`);
    const live = currentDir(sitesDir, SHOP);
    expect(existsSync(join(live, 'index.html'))).toBe(true);
    expect(existsSync(join(live, 'media/cheesecake.webp'))).toBe(true);
    const canonical = readFileSync(join(live, 'products/tarta-de-queso.html'), 'utf8');
    expect(canonical).toContain(
      '<link rel="canonical" href="https://horno.example/products/tarta-de-queso">',
    );
  });

  it('writes nothing into the storefront sources, which every shop build shares', async () => {
    const before = tree(STOREFRONT_ROOT);
    await publishShop(ctx.deps, SHOP, options());
    // Astro's content sync would rewrite `.astro/*.d.ts` here on every build (astro-build.ts).
    expect(tree(STOREFRONT_ROOT)).toEqual(before);
  });

  it('logs each step with the shop id and build stamp', () => {
    const lines = ctx.logLines() as { message: string; shopId?: string; stamp?: string }[];
    const steps = lines.filter((l) => l.shopId === SHOP).map((l) => l.message);
    expect(steps).toEqual(
      expect.arrayContaining([
        'publish started',
        'snapshot exported',
        'site built',
        'site published',
      ]),
    );
  });

  it('renders a hostile Markdown description inert', async () => {
    await ctx.deps.store.update(catalogPaths.product(SHOP, 'baguette'), {
      'description.es': HOSTILE,
    });
    await publishShop(ctx.deps, SHOP, options());

    const html = readFileSync(
      join(currentDir(sitesDir, SHOP), 'products/baguette-sin-gluten.html'),
      'utf8',
    );
    const description = html.slice(html.indexOf('id="desc"'), html.indexOf('id="food"'));
    expect(description).toContain('Rico pan.');
    expect(description).not.toMatch(/<script/i);
    expect(description).not.toMatch(/onerror/i);
    expect(description).not.toMatch(/javascript:/i);
    expect(description).not.toMatch(/<iframe/i);
    expect(description).not.toMatch(/<img/i);
    expect(description).toContain('pulsa aquí');
  });

  it('leaves the live site untouched when a build fails', async () => {
    const before = readlinkSync(currentDir(sitesDir, SHOP));
    await ctx.deps.store.update(catalogPaths.product(SHOP, 'croissants'), { variants: [] });

    await expect(publishShop(ctx.deps, SHOP, options())).rejects.toThrow(/Invalid document/);

    expect(readlinkSync(currentDir(sitesDir, SHOP))).toBe(before);
    expect(existsSync(join(currentDir(sitesDir, SHOP), 'index.html'))).toBe(true);
  });
});
