import type { Locale } from '../../../shared/i18n/locale.ts';

/** Every text of production emails, in Spanish and English. `{x}` are filled by `fill`. */
export const PRODUCTION_TEXTS = {
  es: {
    makerSubject: 'Nuevo encargo para hacer: pedido {number}',
    makerIntro: 'El pedido {number} de {customer} incluye artículos por encargo. Tareas:',
    makerDue: 'Fecha prevista: {date}',
    makerOutro: 'Marca cada tarea como hecha en el panel y avisaremos al cliente.',
    readySubject: 'Tu pedido {number} está listo',
    readyPickup: 'Hola {customer}: tu pedido {number} ya está hecho y listo para recoger.',
    readyShipping: 'Hola {customer}: tu pedido {number} ya está hecho; te avisaremos al enviarlo.',
    digestSubject: 'Stock bajo: {count} referencias en {shop}',
    digestIntro: 'Estas referencias están en su punto de pedido o por debajo:',
    digestLine: '{sku} {name}: quedan {available} (punto de pedido {reorderPoint})',
    purchaseSubject: 'Solicitud de compra de {shop}',
    purchaseIntro: 'Hola {supplier}: {shop} quiere pedir lo siguiente:',
    purchaseLine: '{name} ({sku}): {quantity} {unit}',
    purchaseOutro: 'Responde a este correo para confirmar el pedido y la fecha de entrega.',
  },
  en: {
    makerSubject: 'New made-to-order work: order {number}',
    makerIntro: 'Order {number} from {customer} has made-to-order items. Tasks:',
    makerDue: 'Due: {date}',
    makerOutro: 'Mark each task done in the admin and we will tell the customer.',
    readySubject: 'Your order {number} is ready',
    readyPickup: 'Hello {customer}: your order {number} is made and ready for pickup.',
    readyShipping: 'Hello {customer}: your order {number} is made; we will tell you when it ships.',
    digestSubject: 'Low stock: {count} SKUs at {shop}',
    digestIntro: 'These SKUs are at or below their reorder point:',
    digestLine: '{sku} {name}: {available} left (reorder point {reorderPoint})',
    purchaseSubject: 'Purchase request from {shop}',
    purchaseIntro: 'Hello {supplier}: {shop} would like to order:',
    purchaseLine: '{name} ({sku}): {quantity} {unit}',
    purchaseOutro: 'Reply to this email to confirm the order and the delivery date.',
  },
} as const satisfies Record<Locale, Record<string, string>>;

export type ProductionTextKey = keyof (typeof PRODUCTION_TEXTS)['es'];

export function fill(
  locale: Locale,
  key: ProductionTextKey,
  values: Record<string, string | number> = {},
): string {
  return PRODUCTION_TEXTS[locale][key].replace(/\{(\w+)\}/g, (m, k: string) =>
    k in values ? String(values[k]) : m,
  );
}
