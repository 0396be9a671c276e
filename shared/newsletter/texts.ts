import type { Locale } from '../i18n/locale.ts';

/** Every user-facing newsletter text, in Spanish and English. `{shop}` is the shop's name. */
export const NEWSLETTER_TEXTS = {
  es: {
    confirmSubject: 'Confirma tu suscripción a {shop}',
    confirmHeading: 'Confirma tu suscripción',
    confirmBody:
      'Has pedido recibir el boletín de {shop}. Pulsa el botón para confirmarlo. ' +
      'El enlace caduca en 48 horas. Si no has sido tú, ignora este mensaje.',
    confirmButton: 'Confirmar suscripción',
    footer: 'Recibes este correo porque te suscribiste al boletín de {shop}.',
    unsubscribe: 'Darse de baja',
    confirmedTitle: 'Suscripción confirmada',
    confirmedBody: 'Gracias. Recibirás el boletín de {shop}.',
    expiredTitle: 'El enlace ha caducado',
    expiredBody: 'Vuelve a suscribirte desde la tienda para recibir un enlace nuevo.',
    unsubscribedTitle: 'Te has dado de baja',
    unsubscribedBody: 'No recibirás más boletines de {shop}.',
    invalidTitle: 'Enlace no válido',
    invalidBody: 'Este enlace no es válido. Copia la dirección completa del correo.',
    dataSubject: 'Tus datos en el boletín de {shop}',
    dataBody:
      'Has pedido ver o borrar tus datos del boletín de {shop}. El enlace caduca en 48 horas.',
    dataButton: 'Ver mis datos',
    erasedTitle: 'Datos borrados',
    erasedBody: 'Hemos borrado tu dirección y tus datos de consentimiento.',
  },
  en: {
    confirmSubject: 'Confirm your subscription to {shop}',
    confirmHeading: 'Confirm your subscription',
    confirmBody:
      'You asked to receive the newsletter of {shop}. Press the button to confirm. ' +
      'The link expires in 48 hours. If this was not you, ignore this message.',
    confirmButton: 'Confirm subscription',
    footer: 'You receive this email because you subscribed to the newsletter of {shop}.',
    unsubscribe: 'Unsubscribe',
    confirmedTitle: 'Subscription confirmed',
    confirmedBody: 'Thank you. You will receive the newsletter of {shop}.',
    expiredTitle: 'The link has expired',
    expiredBody: 'Subscribe again from the shop to get a new link.',
    unsubscribedTitle: 'You have unsubscribed',
    unsubscribedBody: 'You will not receive more newsletters from {shop}.',
    invalidTitle: 'Invalid link',
    invalidBody: 'This link is not valid. Copy the whole address from the email.',
    dataSubject: 'Your data in the newsletter of {shop}',
    dataBody:
      'You asked to see or erase your newsletter data at {shop}. The link expires in 48 hours.',
    dataButton: 'See my data',
    erasedTitle: 'Data erased',
    erasedBody: 'We erased your address and your consent records.',
  },
} as const satisfies Record<Locale, Record<string, string>>;

export type NewsletterText = keyof (typeof NEWSLETTER_TEXTS)['es'];

export function newsletterText(locale: Locale, key: NewsletterText, shop: string): string {
  return NEWSLETTER_TEXTS[locale][key].replaceAll('{shop}', shop);
}
