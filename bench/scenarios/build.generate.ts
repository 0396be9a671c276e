import type { z } from 'zod';
import { BAKERY } from '../../functions/local/seed/bakery.ts';
import { DEMO_PICTURES, demoImage } from '../../functions/local/seed/pictures.ts';
import type { Product } from '../../shared/catalog/product.ts';
import { CatalogSnapshot } from '../../shared/catalog/snapshot.ts';

const NOUNS = ['Pan', 'Tarta', 'Lámina', 'Galleta', 'Bizcocho', 'Acuarela', 'Grabado', 'Hogaza'];
const ADJECTIVES = [
  'de centeno',
  'de almendra',
  'azul',
  'del norte',
  'de otoño',
  'marina',
  'de miel',
];
const COLLECTIONS = Array.from({ length: 10 }, (_, i) => `coleccion-${i + 1}`);

/**
 * A synthetic shop of `count` bilingual products for the build bench: a third with one
 * option of three sizes, half with food information, images from the shipped demo set.
 */
export function generateSnapshot(count: number): CatalogSnapshot {
  const at = '2026-12-01T10:00:00.000Z';
  const stock: Record<string, number> = {};
  const products: z.input<typeof Product>[] = [];
  for (let i = 0; i < count; i++) {
    const name = `${NOUNS[i % NOUNS.length]} ${ADJECTIVES[i % ADJECTIVES.length]} ${i + 1}`;
    const picture = DEMO_PICTURES[i % DEMO_PICTURES.length]!.name;
    const sized = i % 3 === 0;
    const variants = (sized ? ['S', 'M', 'L'] : ['U']).map((size, k) => ({
      sku: `GEN-${i}-${size}`,
      optionValues: sized ? [size] : [],
      price: 500 + ((i * 37) % 9000) + k * 1000,
      weightGrams: 250 + k * 250,
    }));
    for (const v of variants) stock[v.sku] = (i * 7) % 13;
    products.push({
      id: `p${i}`,
      slug: `producto-${i + 1}`,
      status: 'active',
      title: { es: name, en: `${name} (en)` },
      description: {
        es: `**${name}**, hecho a mano.\n\n- Ingredientes de temporada\n- Receta ${i}`,
        en: `**${name}**, handmade.\n\n- Seasonal ingredients\n- Recipe ${i}`,
      },
      collections: [COLLECTIONS[i % COLLECTIONS.length]!],
      images: [demoImage(picture, { es: name, en: name })],
      taxClass: 'reduced',
      options: sized ? [{ name: { es: 'Tamaño', en: 'Size' }, values: ['S', 'M', 'L'] }] : [],
      variants,
      ...(i % 2 === 0
        ? {
            food: {
              ingredients: { es: 'Harina de arroz, agua, sal.', en: 'Rice flour, water, salt.' },
              allergens: i % 4 === 0 ? ['eggs', 'milk'] : [],
              netQuantity: '500 g',
            },
          }
        : {}),
      createdAt: at,
      updatedAt: at,
    });
  }
  return CatalogSnapshot.parse({
    version: 1,
    shop: { ...BAKERY.shop, id: 'bench-shop', name: 'Bench Shop', createdAt: at },
    collections: COLLECTIONS.map((slug, i) => ({
      slug,
      title: { es: `Colección ${i + 1}`, en: `Collection ${i + 1}` },
      position: i,
    })),
    products,
    stock,
    exportedAt: at,
  });
}
