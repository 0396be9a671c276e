import type { DemoProduct } from './demo-shop.ts';
import { demoImage } from './pictures.ts';

const bread = (p: Omit<DemoProduct, 'taxClass' | 'collections'>): DemoProduct => ({
  ...p,
  taxClass: 'super_reduced',
  collections: ['panes'],
});

const sweet = (p: Omit<DemoProduct, 'taxClass'>): DemoProduct => ({ ...p, taxClass: 'reduced' });

const STORAGE_BREAD = {
  es: 'Consérvalo en su bolsa, en lugar fresco y seco. Se puede congelar en rebanadas.',
  en: 'Keep it in its bag in a cool, dry place. It can be frozen in slices.',
};

/** The bakery's 14 products: breads (4 % VAT), sweets and savouries (10 %). */
export const BAKERY_PRODUCTS: DemoProduct[] = [
  bread({
    id: 'pan-sarraceno',
    slug: 'pan-de-trigo-sarraceno',
    title: { es: 'Pan de trigo sarraceno', en: 'Buckwheat loaf' },
    description: {
      es: 'Hogaza de **trigo sarraceno** con masa madre propia de arroz. Fermentación de 18 horas, corteza crujiente y miga húmeda.\n\n- Sin gluten, sin lactosa\n- Cocido cada mañana',
      en: 'A **buckwheat** loaf raised with our own rice sourdough. Fermented for 18 hours: crisp crust, moist crumb.\n\n- Gluten free, lactose free\n- Baked every morning',
    },
    images: [
      demoImage('buckwheat-loaf', { es: 'Hogaza de trigo sarraceno', en: 'Buckwheat loaf' }),
    ],
    options: [{ name: { es: 'Formato', en: 'Format' }, values: ['Entero', 'Rebanado'] }],
    variants: [
      { sku: 'HSG-SAR-ENT', optionValues: ['Entero'], price: 490, weightGrams: 500 },
      { sku: 'HSG-SAR-REB', optionValues: ['Rebanado'], price: 520, weightGrams: 500 },
    ],
    food: {
      ingredients: {
        es: 'Harina de trigo sarraceno (60 %), agua, masa madre de arroz, harina de arroz integral, aceite de oliva virgen extra, sal, psyllium.',
        en: 'Buckwheat flour (60%), water, rice sourdough, wholegrain rice flour, extra virgin olive oil, salt, psyllium.',
      },
      allergens: [],
      traces: ['sesame'],
      netQuantity: '500 g',
      storage: STORAGE_BREAD,
      bestBefore: { es: 'Consumir en 4 días.', en: 'Best within 4 days.' },
    },
    stock: { 'HSG-SAR-ENT': 14, 'HSG-SAR-REB': 6 },
  }),
  bread({
    id: 'pan-molde-chia',
    slug: 'pan-de-molde-de-arroz-y-chia',
    title: { es: 'Pan de molde de arroz y chía', en: 'Rice and chia sandwich loaf' },
    description: {
      es: 'Pan de molde tierno para tostadas y bocadillos, con semillas de chía.',
      en: 'A soft sandwich loaf for toast and sandwiches, with chia seeds.',
    },
    images: [
      demoImage('rice-chia-sandwich', { es: 'Pan de molde de arroz', en: 'Rice sandwich loaf' }),
    ],
    variants: [{ sku: 'HSG-MOL-CHI', optionValues: [], price: 450, weightGrams: 450 }],
    food: {
      ingredients: {
        es: 'Harina de arroz, almidón de maíz, agua, huevo, semillas de chía (4 %), aceite de girasol, levadura, azúcar, sal.',
        en: 'Rice flour, corn starch, water, egg, chia seeds (4%), sunflower oil, yeast, sugar, salt.',
      },
      allergens: ['eggs'],
      traces: [],
      netQuantity: '450 g',
      storage: STORAGE_BREAD,
      bestBefore: { es: 'Consumir en 5 días.', en: 'Best within 5 days.' },
    },
    stock: { 'HSG-MOL-CHI': 20 },
  }),
  bread({
    id: 'baguette',
    slug: 'baguette-sin-gluten',
    title: { es: 'Baguette', en: 'Baguette' },
    description: {
      es: 'Baguette de corteza fina, perfecta para el desayuno.',
      en: 'A thin-crusted baguette, just right for breakfast.',
    },
    images: [demoImage('baguette', { es: 'Baguette sin gluten', en: 'Gluten-free baguette' })],
    variants: [{ sku: 'HSG-BAG', optionValues: [], price: 220, weightGrams: 250 }],
    food: {
      ingredients: {
        es: 'Almidón de maíz, harina de arroz, agua, fibra de psyllium, levadura, sal, azúcar.',
        en: 'Corn starch, rice flour, water, psyllium fibre, yeast, salt, sugar.',
      },
      allergens: [],
      traces: [],
      netQuantity: '250 g',
      bestBefore: { es: 'Consumir en el día.', en: 'Best eaten the same day.' },
    },
    stock: { 'HSG-BAG': 30 },
  }),
  bread({
    id: 'hogaza-teff',
    slug: 'hogaza-de-teff-y-semillas',
    title: { es: 'Hogaza de teff y semillas', en: 'Teff and seed loaf' },
    description: {
      es: 'Hogaza rústica de teff con pipas de girasol, calabaza y sésamo tostado.',
      en: 'A rustic teff loaf with sunflower, pumpkin and toasted sesame seeds.',
    },
    images: [
      demoImage('teff-seed-loaf', {
        es: 'Hogaza de teff con semillas',
        en: 'Teff loaf with seeds',
      }),
    ],
    variants: [{ sku: 'HSG-TEF', optionValues: [], price: 580, weightGrams: 600 }],
    food: {
      ingredients: {
        es: 'Harina de teff (45 %), agua, harina de arroz, semillas de girasol, calabaza y sésamo (12 %), masa madre de arroz, sal.',
        en: 'Teff flour (45%), water, rice flour, sunflower, pumpkin and sesame seeds (12%), rice sourdough, salt.',
      },
      allergens: ['sesame'],
      traces: ['nuts'],
      netQuantity: '600 g',
      storage: STORAGE_BREAD,
      bestBefore: { es: 'Consumir en 5 días.', en: 'Best within 5 days.' },
    },
    stock: { 'HSG-TEF': 2 },
  }),
  sweet({
    id: 'magdalenas-limon',
    slug: 'magdalenas-de-limon',
    title: { es: 'Magdalenas de limón', en: 'Lemon muffins' },
    description: {
      es: 'Magdalenas esponjosas con ralladura de limón ecológico. Caja de 6.',
      en: 'Fluffy muffins with organic lemon zest. Box of 6.',
    },
    collections: ['dulces'],
    images: [
      demoImage('lemon-muffins', { es: 'Caja de magdalenas de limón', en: 'Box of lemon muffins' }),
    ],
    variants: [{ sku: 'HSG-MAG-6', optionValues: [], price: 550, weightGrams: 300 }],
    food: {
      ingredients: {
        es: 'Huevo, azúcar, harina de arroz, aceite de girasol, leche, almidón de maíz, limón (3 %), gasificantes.',
        en: 'Egg, sugar, rice flour, sunflower oil, milk, corn starch, lemon (3%), raising agents.',
      },
      allergens: ['eggs', 'milk'],
      traces: ['nuts'],
      netQuantity: '6 × 50 g',
      bestBefore: { es: 'Consumir en 6 días.', en: 'Best within 6 days.' },
    },
    stock: { 'HSG-MAG-6': 12 },
  }),
  sweet({
    id: 'bizcocho-almendra',
    slug: 'bizcocho-de-almendra-y-naranja',
    title: { es: 'Bizcocho de almendra y naranja', en: 'Almond and orange cake' },
    description: {
      es: 'Bizcocho meloso de almendra marcona y naranja de Valencia.',
      en: 'A moist cake of Marcona almonds and Valencia oranges.',
    },
    collections: ['dulces'],
    images: [demoImage('almond-orange-cake', { es: 'Bizcocho de almendra', en: 'Almond cake' })],
    variants: [{ sku: 'HSG-BIZ-ALM', optionValues: [], price: 950, weightGrams: 400 }],
    food: {
      ingredients: {
        es: 'Almendra molida (35 %), huevo, azúcar, naranja (15 %), harina de arroz, mantequilla.',
        en: 'Ground almonds (35%), egg, sugar, orange (15%), rice flour, butter.',
      },
      allergens: ['nuts', 'eggs', 'milk'],
      traces: [],
      netQuantity: '400 g',
      bestBefore: { es: 'Consumir en 7 días.', en: 'Best within 7 days.' },
    },
    stock: { 'HSG-BIZ-ALM': 5 },
  }),
  sweet({
    id: 'galletas-avena',
    slug: 'galletas-de-avena-y-chocolate',
    title: { es: 'Galletas de avena y chocolate', en: 'Oat and chocolate cookies' },
    description: {
      es: 'Galletas crujientes con avena certificada sin gluten y pepitas de chocolate negro.',
      en: 'Crunchy cookies with certified gluten-free oats and dark chocolate chips.',
    },
    collections: ['dulces'],
    images: [demoImage('oat-chocolate-cookies', { es: 'Galletas de avena', en: 'Oat cookies' })],
    variants: [{ sku: 'HSG-GAL-AVE', optionValues: [], price: 420, weightGrams: 200 }],
    food: {
      ingredients: {
        es: 'Copos de avena sin gluten (40 %), chocolate negro (20 %; lecitina de soja), mantequilla, azúcar moreno, huevo.',
        en: 'Gluten-free oat flakes (40%), dark chocolate (20%; soy lecithin), butter, brown sugar, egg.',
      },
      allergens: ['milk', 'soybeans', 'eggs'],
      traces: ['nuts'],
      netQuantity: '200 g',
      bestBefore: { es: 'Consumir en 30 días.', en: 'Best within 30 days.' },
    },
    stock: { 'HSG-GAL-AVE': 25 },
  }),
  sweet({
    id: 'brownies-nuez',
    slug: 'brownies-de-chocolate-y-nuez',
    title: { es: 'Brownies de chocolate y nuez', en: 'Chocolate walnut brownies' },
    description: {
      es: 'Brownies densos de cacao puro con nueces. Caja de 4.',
      en: 'Dense pure-cocoa brownies with walnuts. Box of 4.',
    },
    collections: ['dulces'],
    images: [demoImage('walnut-brownies', { es: 'Brownies de nuez', en: 'Walnut brownies' })],
    variants: [{ sku: 'HSG-BRO-4', optionValues: [], price: 700, weightGrams: 320 }],
    food: {
      ingredients: {
        es: 'Chocolate negro (30 %), mantequilla, azúcar, huevo, nueces (12 %), harina de arroz, cacao.',
        en: 'Dark chocolate (30%), butter, sugar, egg, walnuts (12%), rice flour, cocoa.',
      },
      allergens: ['milk', 'eggs', 'nuts'],
      traces: ['soybeans'],
      netQuantity: '4 × 80 g',
      bestBefore: { es: 'Consumir en 8 días.', en: 'Best within 8 days.' },
    },
    stock: { 'HSG-BRO-4': 0 },
  }),
  sweet({
    id: 'tarta-queso',
    slug: 'tarta-de-queso',
    title: { es: 'Tarta de queso al horno', en: 'Baked cheesecake' },
    description: {
      es: 'Tarta de queso cremosa, tostada por fuera. **Por encargo**: la horneamos para ti con dos días de antelación.',
      en: 'Creamy baked cheesecake with a caramelised top. **Made to order**: we bake it for you two days ahead.',
    },
    collections: ['dulces', 'por-encargo'],
    images: [demoImage('cheesecake', { es: 'Tarta de queso', en: 'Cheesecake' })],
    options: [{ name: { es: 'Tamaño', en: 'Size' }, values: ['6 raciones', '10 raciones'] }],
    variants: [
      { sku: 'HSG-TQ-6', optionValues: ['6 raciones'], price: 1800, weightGrams: 900 },
      { sku: 'HSG-TQ-10', optionValues: ['10 raciones'], price: 2800, weightGrams: 1500 },
    ],
    backorder: 'made_to_order',
    leadTimeDays: 2,
    food: {
      ingredients: {
        es: 'Queso crema (55 %), nata, huevo, azúcar, almidón de maíz.',
        en: 'Cream cheese (55%), cream, egg, sugar, corn starch.',
      },
      allergens: ['milk', 'eggs'],
      traces: [],
      netQuantity: '900 g / 1,5 kg',
      storage: { es: 'Refrigerar entre 0 y 4 °C.', en: 'Keep refrigerated at 0–4 °C.' },
      bestBefore: { es: 'Consumir en 3 días.', en: 'Best within 3 days.' },
    },
    stock: {},
  }),
  sweet({
    id: 'croissants',
    slug: 'croissants-de-mantequilla',
    title: { es: 'Croissants de mantequilla', en: 'Butter croissants' },
    description: {
      es: 'Croissants hojaldrados con mantequilla, sin gluten. Caja de 4.',
      en: 'Flaky butter croissants, gluten free. Box of 4.',
    },
    collections: ['dulces'],
    images: [demoImage('croissants', { es: 'Croissants', en: 'Croissants' })],
    variants: [{ sku: 'HSG-CRO-4', optionValues: [], price: 680, weightGrams: 280 }],
    food: {
      ingredients: {
        es: 'Mantequilla (28 %), harina de arroz, almidón de tapioca, leche, huevo, azúcar, levadura, sal.',
        en: 'Butter (28%), rice flour, tapioca starch, milk, egg, sugar, yeast, salt.',
      },
      allergens: ['milk', 'eggs'],
      traces: [],
      netQuantity: '4 × 70 g',
      bestBefore: { es: 'Consumir en 2 días.', en: 'Best within 2 days.' },
    },
    stock: { 'HSG-CRO-4': 9 },
  }),
  sweet({
    id: 'empanada-atun',
    slug: 'empanada-gallega-de-atun',
    title: { es: 'Empanada gallega de atún', en: 'Galician tuna pie' },
    description: {
      es: 'Empanada de atún con pimiento y cebolla pochada. Por encargo, con un día de antelación.',
      en: 'Tuna pie with peppers and slow-cooked onion. Made to order one day ahead.',
    },
    collections: ['salados', 'por-encargo'],
    images: [demoImage('tuna-empanada', { es: 'Empanada de atún', en: 'Tuna pie' })],
    variants: [{ sku: 'HSG-EMP-ATU', optionValues: [], price: 1800, weightGrams: 1200 }],
    backorder: 'made_to_order',
    leadTimeDays: 1,
    food: {
      ingredients: {
        es: 'Harina de arroz, atún (20 %), cebolla, pimiento, tomate, aceite de oliva, huevo, sal.',
        en: 'Rice flour, tuna (20%), onion, pepper, tomato, olive oil, egg, salt.',
      },
      allergens: ['fish', 'eggs'],
      traces: [],
      netQuantity: '1,2 kg (8 raciones)',
      storage: { es: 'Refrigerar.', en: 'Keep refrigerated.' },
      bestBefore: { es: 'Consumir en 3 días.', en: 'Best within 3 days.' },
    },
    stock: {},
  }),
  sweet({
    id: 'bases-pizza',
    slug: 'bases-de-pizza',
    title: { es: 'Bases de pizza', en: 'Pizza bases' },
    description: {
      es: 'Dos bases precocidas de 28 cm para hacer pizza en casa.',
      en: 'Two part-baked 28 cm bases for pizza at home.',
    },
    collections: ['salados'],
    images: [demoImage('pizza-bases', { es: 'Bases de pizza', en: 'Pizza bases' })],
    variants: [{ sku: 'HSG-PIZ-2', optionValues: [], price: 490, weightGrams: 400 }],
    food: {
      ingredients: {
        es: 'Harina de arroz, almidón de patata, agua, aceite de oliva, levadura, sal.',
        en: 'Rice flour, potato starch, water, olive oil, yeast, salt.',
      },
      allergens: [],
      traces: [],
      netQuantity: '2 × 200 g',
      storage: { es: 'Refrigerar o congelar.', en: 'Refrigerate or freeze.' },
      bestBefore: { es: 'Consumir en 10 días.', en: 'Best within 10 days.' },
    },
    stock: { 'HSG-PIZ-2': 16 },
  }),
  sweet({
    id: 'roscon',
    slug: 'roscon-de-reyes',
    title: { es: 'Roscón de Reyes', en: 'Three Kings cake' },
    description: {
      es: 'El roscón de siempre, sin gluten, con agua de azahar y almendra laminada. Por encargo con tres días de antelación.',
      en: 'The traditional Epiphany ring cake, gluten free, with orange blossom water and flaked almonds. Made to order three days ahead.',
    },
    collections: ['dulces', 'por-encargo'],
    images: [demoImage('roscon', { es: 'Roscón de Reyes', en: 'Three Kings cake' })],
    options: [
      { name: { es: 'Tamaño', en: 'Size' }, values: ['Pequeño', 'Grande'] },
      { name: { es: 'Relleno', en: 'Filling' }, values: ['Sin relleno', 'Nata'] },
    ],
    variants: [
      { sku: 'HSG-ROS-P', optionValues: ['Pequeño', 'Sin relleno'], price: 1500, weightGrams: 500 },
      { sku: 'HSG-ROS-PN', optionValues: ['Pequeño', 'Nata'], price: 1800, weightGrams: 650 },
      { sku: 'HSG-ROS-G', optionValues: ['Grande', 'Sin relleno'], price: 2400, weightGrams: 900 },
      { sku: 'HSG-ROS-GN', optionValues: ['Grande', 'Nata'], price: 2900, weightGrams: 1150 },
    ],
    backorder: 'made_to_order',
    leadTimeDays: 3,
    food: {
      ingredients: {
        es: 'Harina de arroz, huevo, azúcar, mantequilla, leche, almendra laminada (5 %), agua de azahar, fruta confitada, levadura; nata (en la versión rellena).',
        en: 'Rice flour, egg, sugar, butter, milk, flaked almonds (5%), orange blossom water, candied fruit, yeast; cream (filled version).',
      },
      allergens: ['eggs', 'milk', 'nuts'],
      traces: [],
      netQuantity: '500 g – 1,15 kg',
      storage: {
        es: 'El relleno de nata, refrigerado.',
        en: 'Keep the cream-filled cake refrigerated.',
      },
      bestBefore: { es: 'Consumir en 2 días.', en: 'Best within 2 days.' },
    },
    stock: {},
  }),
  sweet({
    id: 'mezcla-harinas',
    slug: 'mezcla-de-harinas-para-pan',
    title: { es: 'Mezcla de harinas para pan', en: 'Bread flour blend' },
    description: {
      es: 'Nuestra mezcla de harinas sin gluten para hacer pan en casa. Incluye receta.',
      en: 'Our gluten-free flour blend for home baking. Recipe included.',
    },
    collections: ['despensa'],
    images: [
      demoImage('flour-mix', { es: 'Bolsa de mezcla de harinas', en: 'Bag of flour blend' }),
    ],
    variants: [
      {
        sku: 'HSG-HAR-1K',
        optionValues: [],
        price: 650,
        weightGrams: 1000,
        barcode: '8437000000017',
      },
    ],
    food: {
      ingredients: {
        es: 'Harina de arroz, almidón de maíz, harina de trigo sarraceno, psyllium, goma xantana.',
        en: 'Rice flour, corn starch, buckwheat flour, psyllium, xanthan gum.',
      },
      allergens: [],
      traces: [],
      netQuantity: '1 kg',
      storage: { es: 'Lugar fresco y seco.', en: 'Cool, dry place.' },
      bestBefore: { es: 'Consumir preferentemente en 9 meses.', en: 'Best before 9 months.' },
    },
    stock: { 'HSG-HAR-1K': 40 },
  }),
];
