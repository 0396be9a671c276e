import { BAKERY_PRODUCTS } from './bakery-products.ts';
import type { DemoShop } from './demo-shop.ts';

const SHOP_ID = 'horno-sin-gluten';

export const BAKERY: DemoShop = {
  shop: {
    id: SHOP_ID,
    name: 'Horno Sin Gluten',
    plan: 'production',
    currency: 'EUR',
    locales: ['es', 'en'],
    defaultLocale: 'es',
    tagline: {
      es: 'Obrador 100 % sin gluten en Valladolid. Pan de masa madre y dulces de siempre.',
      en: 'A 100% gluten-free bakery in Valladolid. Sourdough bread and traditional sweets.',
    },
    contactEmail: 'hola@hornosingluten.example',
    phone: '+34 983 000 111',
    address: {
      street: 'Calle Platerías 12',
      city: 'Valladolid',
      postalCode: '47003',
      country: 'ES',
    },
    legal: { legalName: 'Lucía Martín Herrero', taxId: '12345678Z' },
    theme: { primaryColor: '#7a3e12', accentColor: '#f3e3cf' },
    settings: {
      shippingMethods: [
        {
          kind: 'pickup',
          id: 'obrador',
          name: { es: 'Recogida en el obrador', en: 'Pickup at the bakery' },
          address: 'Calle Platerías 12, 47003 Valladolid',
          weekdays: [2, 3, 4, 5, 6],
          slots: [
            { id: 'manana', from: '09:00', to: '13:00' },
            { id: 'tarde', from: '17:00', to: '20:00' },
          ],
          minDaysAhead: 1,
          maxDaysAhead: 14,
        },
        {
          kind: 'flat',
          id: 'reparto-local',
          name: { es: 'Reparto en Valladolid', en: 'Local delivery in Valladolid' },
          price: 350,
          freeAbove: 3000,
          countries: ['ES'],
          deliveryDays: { min: 1, max: 2 },
        },
      ],
      payments: {
        enabled: ['stripe', 'bank_transfer', 'pay_on_pickup'],
        bankTransfer: { iban: 'ES9121000418450200051332', accountHolder: 'Lucía Martín Herrero' },
      },
    },
  },
  collections: [
    { slug: 'panes', title: { es: 'Panes', en: 'Bread' }, position: 1 },
    { slug: 'dulces', title: { es: 'Dulces', en: 'Sweets' }, position: 2 },
    { slug: 'salados', title: { es: 'Salados', en: 'Savoury' }, position: 3 },
    {
      slug: 'por-encargo',
      title: { es: 'Por encargo', en: 'Made to order' },
      description: {
        es: 'Tartas y empanadas que horneamos para ti. Encárgalas con antelación.',
        en: 'Cakes and pies we bake for you. Order them ahead.',
      },
      position: 4,
    },
    { slug: 'despensa', title: { es: 'Despensa', en: 'Pantry' }, position: 5 },
  ],
  products: BAKERY_PRODUCTS,
};
