import { type ShopProfile, settingsOf } from '../../../../shared/catalog/shop.ts';
import { type Locale, pick } from '../../../../shared/i18n/locale.ts';

export const LEGAL_DOCS = ['notice', 'privacy', 'terms', 'cookies'] as const;
export type LegalDoc = (typeof LEGAL_DOCS)[number];

/**
 * Markdown of a legal page: the merchant's own text from settings when given, else a text
 * generated from the shop's legal name, tax id, address and settings (LSSI-CE, GDPR, consumer
 * law withdrawal period, storage used by the site). Generated texts are a sensible default,
 * not legal advice.
 */
export function legalMarkdown(shop: ShopProfile, doc: LegalDoc, locale: Locale): string {
  const own = settingsOf(shop).legalTexts[doc];
  if (own) return pick(own, locale);
  const who = `${shop.legal.legalName} (NIF ${shop.legal.taxId})`;
  const where = `${shop.address.street}, ${shop.address.postalCode} ${shop.address.city}`;
  const days = settingsOf(shop).returnsDays;
  const es: Record<LegalDoc, string> = {
    notice: `**${shop.name}** es un comercio de ${who}, con domicilio en ${where}. Contacto: ${shop.contactEmail}.\n\nEste sitio cumple la Ley 34/2002 de servicios de la sociedad de la información (LSSI-CE).`,
    privacy: `El responsable del tratamiento es ${who}, ${where}.\n\n- **Pedidos**: tratamos tu nombre, correo, teléfono y dirección para preparar y entregar tu pedido (ejecución del contrato) y los conservamos el tiempo que exige la ley fiscal.\n- **Boletín**: solo con tu consentimiento, confirmado por correo; puedes darte de baja en cualquier momento desde cada envío.\n\nPuedes ejercer tus derechos de acceso, rectificación, supresión, oposición y portabilidad escribiendo a ${shop.contactEmail}, y reclamar ante la Agencia Española de Protección de Datos.`,
    terms: `Los precios incluyen el IVA. El pedido se confirma al recibir el pago o, si eliges pagar al recoger, al aceptarlo nosotros.\n\n**Desistimiento**: dispones de ${days} días naturales desde la entrega para devolver el producto sin dar explicaciones, escribiendo a ${shop.contactEmail}. Te devolveremos el importe en 14 días desde que recibamos el producto.\n\nNo se admite el desistimiento de productos perecederos ni de productos hechos por encargo o personalizados (art. 103 del Real Decreto Legislativo 1/2007).`,
    cookies: `Este sitio **no usa cookies** ni servicios de terceros. La cesta se guarda solo en tu navegador (almacenamiento local) para que no la pierdas; puedes borrarla vaciando la cesta.`,
  };
  const en: Record<LegalDoc, string> = {
    notice: `**${shop.name}** is a business of ${who}, registered at ${where}. Contact: ${shop.contactEmail}.\n\nThis site complies with Spanish Law 34/2002 on information society services (LSSI-CE).`,
    privacy: `The data controller is ${who}, ${where}.\n\n- **Orders**: we use your name, email, phone and address to prepare and deliver your order (performance of the contract) and keep them as long as tax law requires.\n- **Newsletter**: only with your consent, confirmed by email; unsubscribe at any time from any issue.\n\nYou may exercise your rights of access, rectification, erasure, objection and portability by writing to ${shop.contactEmail}, and complain to the Spanish Data Protection Agency (AEPD).`,
    terms: `Prices include VAT. An order is confirmed when the payment arrives or, if you pay on pickup, when we accept it.\n\n**Withdrawal**: you have ${days} calendar days from delivery to return a product without giving a reason, by writing to ${shop.contactEmail}. We refund you within 14 days of receiving the product.\n\nPerishable goods and items made to order or personalised cannot be returned (article 103 of Royal Legislative Decree 1/2007).`,
    cookies: `This site **uses no cookies** and no third-party services. Your cart is kept only in your browser (local storage) so you do not lose it; emptying the cart removes it.`,
  };
  return (locale === 'en' ? en : es)[doc];
}
