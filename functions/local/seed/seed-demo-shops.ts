import { copyFile, mkdir, readdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Collection, Product } from '../../../shared/catalog/product.ts';
import { ShopProfile } from '../../../shared/catalog/shop.ts';
import { catalogPaths } from '../../catalog/paths.ts';
import type { Deps } from '../../deps.ts';
import { mediaDirOf } from '../../media/local-media.ts';
import type { DocData } from '../../store/port.ts';
import { BAKERY } from './bakery.ts';
import type { DemoShop } from './demo-shop.ts';
import { PAINTER } from './painter.ts';

export const DEMO_SHOPS: DemoShop[] = [BAKERY, PAINTER];
export const DEMO_SHOP_IDS = DEMO_SHOPS.map((s) => s.shop.id);

const IMAGES = join(dirname(fileURLToPath(import.meta.url)), 'images');

/**
 * Writes the demo shops (profile, collections, products, stock and an initial ledger entry per
 * SKU) unless the shop document already exists, so a second start keeps the merchant's edits.
 * Returns the ids of the shops it created.
 */
export async function seedDemoShops(
  deps: Pick<Deps, 'store' | 'clock' | 'log' | 'config'>,
  shops: DemoShop[] = DEMO_SHOPS,
): Promise<string[]> {
  const created: string[] = [];
  for (const demo of shops) {
    const shopId = demo.shop.id;
    const existing = await deps.store.get(catalogPaths.shop(shopId));
    if (existing.exists) continue;

    await copyDemoImages(demo, mediaDirOf(deps.config.dataDir, shopId));
    const writes = demoWrites(demo, deps.clock.now().toISOString());
    for (let i = 0; i < writes.length; i += 400) {
      const batch = deps.store.batch();
      for (const [path, data] of writes.slice(i, i + 400)) batch.set(path, data);
      await batch.commit();
    }
    deps.log.info({ shopId, documents: writes.length }, 'demo shop seeded');
    created.push(shopId);
  }
  return created;
}

/** Every document of a demo shop as `[path, data]`; the shop document comes last. */
export function demoWrites(demo: DemoShop, at: string): [string, DocData][] {
  const shopId = demo.shop.id;
  const writes: [string, DocData][] = [];

  for (const c of demo.collections) {
    const collection = Collection.parse(c);
    writes.push([catalogPaths.collection(shopId, collection.slug), collection]);
  }
  for (const { stock, ...input } of demo.products) {
    const product = Product.parse({ status: 'active', ...input, createdAt: at, updatedAt: at });
    writes.push([catalogPaths.product(shopId, product.id), product]);
    for (const variant of product.variants) {
      const available = stock[variant.sku] ?? 0;
      const level = { sku: variant.sku, productId: product.id, available, reserved: 0, sold: 0 };
      writes.push([catalogPaths.stock(shopId, variant.sku), { ...level, updatedAt: at }]);
      writes.push([
        catalogPaths.ledgerEntry(shopId, `seed-${variant.sku}`),
        {
          sku: variant.sku,
          delta: available,
          reason: 'adjustment',
          who: 'seed',
          why: 'initial stock',
          at,
        },
      ]);
    }
  }
  const shop = ShopProfile.parse({ ...demo.shop, createdAt: at });
  writes.push([catalogPaths.shop(shopId), shop]);
  return writes;
}

async function copyDemoImages(demo: DemoShop, target: string): Promise<void> {
  await mkdir(target, { recursive: true });
  const wanted = new Set(
    demo.products.flatMap((p) =>
      (p.images ?? []).flatMap((i) => [i.src, ...(i.srcset ?? []).map((s) => s.src)]),
    ),
  );
  for (const file of await readdir(IMAGES)) {
    if (wanted.has(`media/${file}`)) await copyFile(join(IMAGES, file), join(target, file));
  }
}
