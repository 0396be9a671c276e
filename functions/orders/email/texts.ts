import type { Locale } from '../../../shared/i18n/locale.ts';
import type { OrderEmailKind } from '../order-events.ts';

interface KindText {
  subject: (n: string) => string;
  heading: string;
  intro: string;
}

type Texts = Record<OrderEmailKind, KindText> & {
  labels: Record<
    | 'order'
    | 'total'
    | 'shipping'
    | 'vat'
    | 'quantity'
    | 'pickup'
    | 'address'
    | 'bank'
    | 'holder'
    | 'reference'
    | 'payBy'
    | 'payByCancel'
    | 'status'
    | 'tracking'
    | 'carrier'
    | 'edition'
    | 'customer'
    | 'refunded',
    string
  >;
};

export const EMAIL_TEXTS: Record<Locale, Texts> = {
  es: {
    confirmation: {
      subject: (n) => `Pedido ${n} recibido`,
      heading: 'Gracias por tu pedido',
      intro: 'Hemos recibido tu pedido. Te avisaremos en cada paso.',
    },
    payment_received: {
      subject: (n) => `Pago recibido · pedido ${n}`,
      heading: 'Pago recibido',
      intro: 'Hemos recibido el pago de tu pedido. Empezamos a prepararlo.',
    },
    ready_for_pickup: {
      subject: (n) => `Tu pedido ${n} está listo para recoger`,
      heading: 'Listo para recoger',
      intro: 'Tu pedido te espera en la tienda el día y la hora que elegiste.',
    },
    shipped: {
      subject: (n) => `Tu pedido ${n} está en camino`,
      heading: 'Pedido enviado',
      intro: 'Hemos enviado tu pedido. Puedes seguirlo con el enlace de abajo.',
    },
    cancelled: {
      subject: (n) => `Pedido ${n} cancelado`,
      heading: 'Pedido cancelado',
      intro: 'Tu pedido se ha cancelado. Si no esperabas este mensaje, contesta a este correo.',
    },
    refunded: {
      subject: (n) => `Reembolso del pedido ${n}`,
      heading: 'Reembolso realizado',
      intro: 'Hemos devuelto el importe indicado a tu medio de pago.',
    },
    merchant_order: {
      subject: (n) => `Nuevo pedido ${n}`,
      heading: 'Nuevo pedido',
      intro: 'Tienes un pedido nuevo para preparar.',
    },
    labels: {
      order: 'Pedido',
      total: 'Total',
      shipping: 'Envío',
      vat: 'IVA',
      quantity: 'Cant.',
      pickup: 'Recogida',
      address: 'Dirección de envío',
      bank: 'Transferencia a',
      holder: 'Titular',
      reference: 'Concepto',
      payBy: 'Si no recibimos la transferencia antes del',
      payByCancel: 'el pedido se cancelará.',
      status: 'Ver el estado del pedido',
      tracking: 'Seguir el envío',
      carrier: 'Transportista',
      edition: 'Edición nº',
      customer: 'Cliente',
      refunded: 'Reembolsado',
    },
  },
  en: {
    confirmation: {
      subject: (n) => `Order ${n} received`,
      heading: 'Thank you for your order',
      intro: 'We have received your order. We will let you know at every step.',
    },
    payment_received: {
      subject: (n) => `Payment received · order ${n}`,
      heading: 'Payment received',
      intro: 'We have received the payment for your order and are getting it ready.',
    },
    ready_for_pickup: {
      subject: (n) => `Your order ${n} is ready for pickup`,
      heading: 'Ready for pickup',
      intro: 'Your order is waiting for you at the shop on the day and time you chose.',
    },
    shipped: {
      subject: (n) => `Your order ${n} is on its way`,
      heading: 'Order shipped',
      intro: 'We have shipped your order. Follow it with the link below.',
    },
    cancelled: {
      subject: (n) => `Order ${n} cancelled`,
      heading: 'Order cancelled',
      intro: 'Your order has been cancelled. If you did not expect this, reply to this email.',
    },
    refunded: {
      subject: (n) => `Refund for order ${n}`,
      heading: 'Refund issued',
      intro: 'We have refunded the amount below to your payment method.',
    },
    merchant_order: {
      subject: (n) => `New order ${n}`,
      heading: 'New order',
      intro: 'You have a new order to prepare.',
    },
    labels: {
      order: 'Order',
      total: 'Total',
      shipping: 'Shipping',
      vat: 'VAT',
      quantity: 'Qty',
      pickup: 'Pickup',
      address: 'Shipping address',
      bank: 'Bank transfer to',
      holder: 'Account holder',
      reference: 'Reference',
      payBy: 'If the transfer has not arrived by',
      payByCancel: 'the order will be cancelled.',
      status: 'See your order status',
      tracking: 'Track your parcel',
      carrier: 'Carrier',
      edition: 'Edition no.',
      customer: 'Customer',
      refunded: 'Refunded',
    },
  },
};
