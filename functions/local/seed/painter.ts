import { combinations, type DemoProduct, type DemoShop } from './demo-shop.ts';
import { demoImage } from './pictures.ts';

const SHOP_ID = 'estudio-marina-rey';

const SIZES = [
  { value: '21 × 30 cm', code: 'A4', price: 3500, grams: 300 },
  { value: '30 × 42 cm', code: 'A3', price: 5500, grams: 450 },
  { value: '50 × 70 cm', code: '50', price: 9500, grams: 900 },
];
const FRAMES = [
  { value: 'Sin marco', code: 'SM', extra: [0, 0, 0], grams: 0 },
  { value: 'Roble natural', code: 'RO', extra: [2500, 3500, 6000], grams: 900 },
  { value: 'Negro mate', code: 'NE', extra: [2500, 3500, 6000], grams: 900 },
];
/** Framing is made to order by a local framer. */
const FRAMING_DAYS = 7;

const sizeOf = (value: string) => SIZES.find((s) => s.value === value)!;
const frameOf = (value: string) => FRAMES.find((f) => f.value === value)!;

interface PrintInput {
  id: string;
  slug: string;
  code: string;
  picture: string;
  title: { es: string; en: string };
  description: { es: string; en: string };
  editionSize: number;
  /** Prints left per size (A4, A3, 50×70); split evenly between frame choices. */
  left: [number, number, number];
  collections?: string[];
}

/** A giclée print: three sizes × three frames, one limited edition across all of them. */
function print(input: PrintInput): DemoProduct {
  const combos = combinations([SIZES.map((s) => s.value), FRAMES.map((f) => f.value)]);
  const variants = combos.map(([size, frame]) => {
    const s = sizeOf(size!);
    const f = frameOf(frame!);
    const sizeIndex = SIZES.indexOf(s);
    return {
      sku: `EMR-${input.code}-${s.code}-${f.code}`,
      optionValues: [size!, frame!],
      price: s.price + (f.extra[sizeIndex] ?? 0),
      weightGrams: s.grams + f.grams,
      ...(f.code === 'SM' ? {} : { leadTimeDays: FRAMING_DAYS }),
    };
  });
  const stock: Record<string, number> = {};
  for (const v of variants) {
    const sizeIndex = SIZES.findIndex((s) => s.value === v.optionValues[0]);
    const frameIndex = FRAMES.findIndex((f) => f.value === v.optionValues[1]);
    const left = input.left[sizeIndex] ?? 0;
    stock[v.sku] = Math.floor(left / 3) + (frameIndex < left % 3 ? 1 : 0);
  }
  return {
    id: input.id,
    slug: input.slug,
    title: input.title,
    description: input.description,
    collections: ['grabados', ...(input.collections ?? [])],
    tags: ['giclée', 'edición limitada'],
    images: [demoImage(input.picture, input.title)],
    taxClass: 'general',
    options: [
      { name: { es: 'Tamaño', en: 'Size' }, values: SIZES.map((s) => s.value) },
      { name: { es: 'Marco', en: 'Frame' }, values: FRAMES.map((f) => f.value) },
    ],
    variants,
    limitedEdition: { editionSize: input.editionSize },
    stock,
  };
}

const PRINT_NOTE = {
  es: '\n\nImpresión giclée con tintas pigmentadas sobre papel de algodón de 310 g. Cada lámina va **numerada y firmada** a mano. Los marcos se hacen por encargo en un taller de Sevilla (7 días).',
  en: '\n\nGiclée print with pigment inks on 310 gsm cotton paper. Every print is **numbered and signed** by hand. Frames are made to order by a Seville workshop (7 days).',
};

const withNote = (d: { es: string; en: string }) => ({
  es: d.es + PRINT_NOTE.es,
  en: d.en + PRINT_NOTE.en,
});

const prints: DemoProduct[] = [
  print({
    id: 'mar-de-cadiz',
    slug: 'mar-de-cadiz',
    code: 'CAD',
    picture: 'sea-of-cadiz',
    title: { es: 'Mar de Cádiz', en: 'Sea of Cádiz' },
    description: withNote({
      es: 'La bahía al mediodía, pintada en acuarela desde la muralla de San Carlos.',
      en: 'The bay at noon, painted in watercolour from the San Carlos sea wall.',
    }),
    editionSize: 50,
    left: [12, 8, 3],
    collections: ['mar'],
  }),
  print({
    id: 'olivos-de-jaen',
    slug: 'olivos-de-jaen',
    code: 'OLI',
    picture: 'olive-groves',
    title: { es: 'Olivos de Jaén', en: 'Olive groves of Jaén' },
    description: withNote({
      es: 'Las lomas de olivar al atardecer, en ocres y verdes.',
      en: 'Rolling olive groves at dusk, in ochres and greens.',
    }),
    editionSize: 30,
    left: [6, 4, 2],
    collections: ['paisaje'],
  }),
  print({
    id: 'azul-cobalto',
    slug: 'azul-cobalto',
    code: 'COB',
    picture: 'cobalt-blue',
    title: { es: 'Azul cobalto', en: 'Cobalt blue' },
    description: withNote({
      es: 'Composición abstracta en azules, de la serie «Talavera».',
      en: 'An abstract composition in blues, from the “Talavera” series.',
    }),
    editionSize: 25,
    left: [5, 3, 1],
    collections: ['abstracto'],
  }),
  print({
    id: 'tarde-en-la-alhambra',
    slug: 'tarde-en-la-alhambra',
    code: 'ALH',
    picture: 'alhambra-evening',
    title: { es: 'Tarde en la Alhambra', en: 'Evening at the Alhambra' },
    description: withNote({
      es: 'La Alhambra encendida por el sol de poniente, vista desde el Albaicín.',
      en: 'The Alhambra lit by the setting sun, seen from the Albaicín.',
    }),
    editionSize: 40,
    left: [10, 6, 4],
    collections: ['paisaje'],
  }),
  print({
    id: 'nocturno',
    slug: 'nocturno',
    code: 'NOC',
    picture: 'nocturne',
    title: { es: 'Nocturno', en: 'Nocturne' },
    description: withNote({
      es: 'Luna llena sobre la sierra, en tinta azul noche.',
      en: 'A full moon over the sierra, in midnight-blue ink.',
    }),
    editionSize: 20,
    left: [3, 2, 0],
    collections: ['paisaje'],
  }),
  print({
    id: 'salinas',
    slug: 'salinas',
    code: 'SAL',
    picture: 'salt-flats',
    title: { es: 'Salinas', en: 'Salt flats' },
    description: withNote({
      es: 'Los rosas y blancos de las salinas de Torrevieja.',
      en: 'The pinks and whites of the Torrevieja salt flats.',
    }),
    editionSize: 50,
    left: [15, 10, 5],
    collections: ['mar', 'abstracto'],
  }),
  print({
    id: 'girasoles',
    slug: 'campo-de-girasoles',
    code: 'GIR',
    picture: 'sunflower-field',
    title: { es: 'Campo de girasoles', en: 'Sunflower field' },
    description: withNote({
      es: 'Julio en la campiña cordobesa.',
      en: 'July in the Córdoba countryside.',
    }),
    editionSize: 30,
    left: [7, 5, 2],
    collections: ['paisaje'],
  }),
  print({
    id: 'bruma',
    slug: 'bruma',
    code: 'BRU',
    picture: 'mist',
    title: { es: 'Bruma', en: 'Mist' },
    description: withNote({
      es: 'Niebla de la mañana en la ría. Quedan muy pocas.',
      en: 'Morning mist over the estuary. Very few left.',
    }),
    editionSize: 15,
    left: [1, 1, 0],
    collections: ['mar'],
  }),
];

const others: DemoProduct[] = [
  {
    id: 'marea-original',
    slug: 'marea-original',
    title: { es: 'Marea (obra original)', en: 'Tide (original painting)' },
    description: {
      es: 'Acrílico sobre lienzo, 60 × 80 cm. **Pieza única** firmada al dorso. Se entrega con certificado de autenticidad.',
      en: 'Acrylic on canvas, 60 × 80 cm. A **one-off** piece signed on the back. Comes with a certificate of authenticity.',
    },
    collections: ['originales', 'mar'],
    tags: ['original'],
    images: [demoImage('tide-original', { es: 'Marea, acrílico', en: 'Tide, acrylic' })],
    taxClass: 'reduced',
    variants: [{ sku: 'EMR-MAR-ORI', optionValues: [], price: 85000, weightGrams: 3500 }],
    limitedEdition: { editionSize: 1 },
    stock: { 'EMR-MAR-ORI': 1 },
  },
  {
    id: 'postales',
    slug: 'set-de-postales',
    title: { es: 'Set de 8 postales', en: 'Set of 8 postcards' },
    description: {
      es: 'Ocho postales A6 con obras del estudio, en papel reciclado de 350 g.',
      en: 'Eight A6 postcards of studio works on 350 gsm recycled paper.',
    },
    collections: ['papeleria'],
    images: [demoImage('postcard-set', { es: 'Postales', en: 'Postcards' })],
    taxClass: 'general',
    variants: [{ sku: 'EMR-POS-8', optionValues: [], price: 1200, weightGrams: 120 }],
    stock: { 'EMR-POS-8': 60 },
  },
  {
    id: 'calendario-2027',
    slug: 'calendario-2027',
    title: { es: 'Calendario 2027', en: '2027 calendar' },
    description: {
      es: 'Calendario de pared A4 con doce acuarelas, una por mes.',
      en: 'A4 wall calendar with twelve watercolours, one per month.',
    },
    collections: ['papeleria'],
    images: [demoImage('calendar', { es: 'Calendario de pared', en: 'Wall calendar' })],
    taxClass: 'general',
    variants: [{ sku: 'EMR-CAL-27', optionValues: [], price: 1800, weightGrams: 350 }],
    stock: { 'EMR-CAL-27': 35 },
  },
  {
    id: 'bolsa-tela',
    slug: 'bolsa-de-tela',
    title: { es: 'Bolsa de tela serigrafiada', en: 'Screen-printed tote bag' },
    description: {
      es: 'Bolsa de algodón orgánico serigrafiada a mano con «Azul cobalto».',
      en: 'Organic cotton tote, hand screen-printed with “Cobalt blue”.',
    },
    collections: ['papeleria'],
    images: [demoImage('tote-bag', { es: 'Bolsa de tela', en: 'Tote bag' })],
    taxClass: 'general',
    options: [{ name: { es: 'Color', en: 'Colour' }, values: ['Crudo', 'Negro'] }],
    variants: [
      { sku: 'EMR-BOL-CR', optionValues: ['Crudo'], price: 1600, weightGrams: 150 },
      { sku: 'EMR-BOL-NE', optionValues: ['Negro'], price: 1600, weightGrams: 150 },
    ],
    backorder: 'allow',
    stock: { 'EMR-BOL-CR': 10, 'EMR-BOL-NE': 0 },
  },
  {
    id: 'retrato-mascota',
    slug: 'retrato-de-tu-mascota',
    title: { es: 'Retrato de tu mascota', en: 'Portrait of your pet' },
    description: {
      es: 'Retrato en acuarela a partir de tus fotos. Te enviaremos un boceto antes de pintarlo. Plazo: **tres semanas**.',
      en: 'A watercolour portrait from your photos. We send you a sketch before painting it. Lead time: **three weeks**.',
    },
    collections: ['encargos'],
    images: [demoImage('pet-portrait', { es: 'Retrato de un perro', en: 'Portrait of a dog' })],
    taxClass: 'reduced',
    options: [{ name: { es: 'Tamaño', en: 'Size' }, values: ['20 × 20 cm', '30 × 30 cm'] }],
    variants: [
      { sku: 'EMR-RET-20', optionValues: ['20 × 20 cm'], price: 12000, weightGrams: 400 },
      { sku: 'EMR-RET-30', optionValues: ['30 × 30 cm'], price: 18000, weightGrams: 600 },
    ],
    backorder: 'made_to_order',
    leadTimeDays: 21,
    stock: {},
  },
];

export const PAINTER: DemoShop = {
  shop: {
    id: SHOP_ID,
    name: 'Estudio Marina Rey',
    plan: 'production',
    currency: 'EUR',
    locales: ['es', 'en'],
    defaultLocale: 'es',
    tagline: {
      es: 'Acuarelas y láminas de edición limitada, numeradas y firmadas en Sevilla.',
      en: 'Watercolours and limited-edition prints, numbered and signed in Seville.',
    },
    contactEmail: 'estudio@marinarey.example',
    address: { street: 'Calle Feria 44', city: 'Sevilla', postalCode: '41003', country: 'ES' },
    legal: { legalName: 'Marina Rey Ortega', taxId: '87654321X' },
    theme: { primaryColor: '#1f3f73', accentColor: '#e8eef7' },
    settings: {
      shippingMethods: [
        {
          kind: 'weight_bands',
          id: 'correos',
          name: { es: 'Envío certificado (Correos)', en: 'Tracked post (Correos)' },
          bands: [
            { upToGrams: 500, price: 450 },
            { upToGrams: 2000, price: 790 },
            { upToGrams: 10000, price: 1490 },
          ],
          freeAbove: 15000,
          countries: ['ES', 'PT', 'FR', 'IT', 'DE'],
          deliveryDays: { min: 2, max: 5 },
        },
        {
          kind: 'pickup',
          id: 'estudio',
          name: { es: 'Recogida en el estudio', en: 'Pickup at the studio' },
          address: 'Calle Feria 44, 41003 Sevilla',
          weekdays: [4, 6],
          slots: [{ id: 'tarde', from: '17:00', to: '20:00' }],
          minDaysAhead: 2,
          maxDaysAhead: 30,
        },
      ],
      payments: {
        enabled: ['stripe', 'bank_transfer'],
        bankTransfer: { iban: 'ES7921000813610123456789', accountHolder: 'Marina Rey Ortega' },
      },
      returnsDays: 30,
    },
  },
  collections: [
    {
      slug: 'grabados',
      title: { es: 'Láminas de edición limitada', en: 'Limited-edition prints' },
      position: 1,
    },
    { slug: 'originales', title: { es: 'Obra original', en: 'Original works' }, position: 2 },
    { slug: 'mar', title: { es: 'Mar', en: 'Sea' }, position: 3 },
    { slug: 'paisaje', title: { es: 'Paisaje', en: 'Landscape' }, position: 4 },
    { slug: 'abstracto', title: { es: 'Abstracto', en: 'Abstract' }, position: 5 },
    {
      slug: 'papeleria',
      title: { es: 'Papelería y regalos', en: 'Stationery and gifts' },
      position: 6,
    },
    { slug: 'encargos', title: { es: 'Encargos', en: 'Commissions' }, position: 7 },
  ],
  products: [...prints, ...others],
};
