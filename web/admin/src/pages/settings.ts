import { api } from '../api.ts';
import { field, h, input, replace, select } from '../dom.ts';
import type { Key } from '../i18n.ts';
import { t } from '../i18n.ts';
import type { Session } from '../shell.ts';
import { membersPanel } from './members-panel.ts';
import { area, section, text } from './settings-form.ts';
import { paymentSections } from './settings-payments.ts';
import { shippingEditor } from './shipping-editor.ts';

type Text = { es: string; en?: string };
export interface Shop {
  name: string;
  tagline?: Text;
  contactEmail: string;
  phone?: string;
  address: { street: string; city: string; postalCode: string; country: string };
  legal: { legalName: string; taxId: string };
  theme: { primaryColor: string; accentColor: string; logo?: string };
  locales: ('es' | 'en')[];
  defaultLocale: 'es' | 'en';
  settings: {
    shippingMethods: unknown[];
    payments: {
      enabled: string[];
      bankTransfer?: { iban: string; accountHolder: string; bic?: string };
    };
    legalTexts: Partial<Record<'notice' | 'privacy' | 'terms' | 'cookies', Text>>;
  };
}
export interface Settings {
  shop: Shop;
  stripe: { publishableKey: string; secretKey: string | null; webhookSecret: string | null } | null;
  emailSender: { fromName: string; replyTo: string } | null;
}

export async function renderSettings(main: HTMLElement, session: Session): Promise<void> {
  const s = await api<Settings>('GET', '/settings');
  const shop = s.shop;
  const owner = session.role === 'owner';

  const p = {
    name: text(shop.name, { name: 'name', required: 'true' }),
    contactEmail: text(shop.contactEmail, { type: 'email', name: 'contactEmail' }),
    phone: text(shop.phone, { name: 'phone', type: 'tel' }),
    street: text(shop.address.street, { name: 'street' }),
    city: text(shop.address.city, { name: 'city' }),
    postalCode: text(shop.address.postalCode, { name: 'postalCode' }),
    country: text(shop.address.country, { name: 'country', maxlength: '2' }),
    legalName: text(shop.legal.legalName, { name: 'legalName' }),
    taxId: text(shop.legal.taxId, { name: 'taxId' }),
  };
  const profile = section(
    'profile',
    t('set.profile'),
    [
      field(t('set.name'), p.name),
      field(t('set.contactEmail'), p.contactEmail),
      field(t('set.phone'), p.phone),
      field(t('set.street'), p.street),
      field(t('set.city'), p.city),
      field(t('set.postalCode'), p.postalCode),
      field(t('set.country'), p.country),
      field(t('set.legalName'), p.legalName),
      field(t('set.taxId'), p.taxId),
    ],
    () =>
      api('PUT', '/settings/profile', {
        name: p.name.value,
        contactEmail: p.contactEmail.value,
        ...(p.phone.value ? { phone: p.phone.value } : {}),
        ...(shop.tagline ? { tagline: shop.tagline } : {}),
        address: {
          street: p.street.value,
          city: p.city.value,
          postalCode: p.postalCode.value,
          country: p.country.value.toUpperCase(),
        },
        legal: { legalName: p.legalName.value, taxId: p.taxId.value },
      }),
  );

  const legalKeys = ['notice', 'privacy', 'terms', 'cookies'] as const;
  const legalAreas = legalKeys.map((k) => ({
    k,
    es: area(shop.settings.legalTexts[k]?.es, `${k}-es`),
    en: area(shop.settings.legalTexts[k]?.en, `${k}-en`),
  }));
  const legal = section(
    'legal',
    t('set.legal'),
    legalAreas.flatMap((l) => [
      field(`${t(`set.${l.k}` as Key)} (ES)`, l.es),
      field(`${t(`set.${l.k}` as Key)} (EN)`, l.en),
    ]),
    () =>
      api(
        'PUT',
        '/settings/legal',
        Object.fromEntries(
          legalAreas
            .filter((l) => l.es.value.trim())
            .map((l) => [l.k, { es: l.es.value, ...(l.en.value ? { en: l.en.value } : {}) }]),
        ),
      ),
  );

  const primary = input({ type: 'color', name: 'primaryColor', value: shop.theme.primaryColor });
  const accent = input({ type: 'color', name: 'accentColor', value: shop.theme.accentColor });
  const theme = section(
    'theme',
    t('set.theme'),
    [field(t('set.primary'), primary), field(t('set.accent'), accent)],
    () =>
      api('PUT', '/settings/theme', {
        ...shop.theme,
        primaryColor: primary.value,
        accentColor: accent.value,
      }),
  );

  const es = input({
    type: 'checkbox',
    name: 'locale-es',
    id: 'locale-es',
    checked: shop.locales.includes('es'),
  });
  const en = input({
    type: 'checkbox',
    name: 'locale-en',
    id: 'locale-en',
    checked: shop.locales.includes('en'),
  });
  const main_ = select(
    [
      ['es', 'Español'],
      ['en', 'English'],
    ],
    shop.defaultLocale,
    { name: 'defaultLocale' },
  );
  const languages = section(
    'languages',
    t('set.languages'),
    [
      h('div', { class: 'check' }, es, h('label', { for: 'locale-es' }, 'Español')),
      h('div', { class: 'check' }, en, h('label', { for: 'locale-en' }, 'English')),
      field(t('set.default'), main_),
    ],
    () =>
      api('PUT', '/settings/languages', {
        locales: [...(es.checked ? ['es'] : []), ...(en.checked ? ['en'] : [])],
        defaultLocale: main_.value,
      }),
  );

  const shipping = shippingEditor(shop.settings.shippingMethods);
  const shippingForm = section('shipping', t('set.shipping'), [shipping.el], () =>
    api('PUT', '/settings/shipping', { shippingMethods: shipping.value() }),
  );

  const [payments, stripe] = paymentSections(shop, s.stripe);

  const fromName = text(s.emailSender?.fromName ?? shop.name, { name: 'fromName' });
  const replyTo = text(s.emailSender?.replyTo ?? shop.contactEmail, {
    type: 'email',
    name: 'replyTo',
  });
  const email = section(
    'email',
    t('set.email'),
    [field(t('set.fromName'), fromName), field(t('set.replyTo'), replyTo)],
    () => api('PUT', '/settings/email', { fromName: fromName.value, replyTo: replyTo.value }),
  );

  const odoo = h(
    'section',
    { class: 'card', 'aria-labelledby': 'odoo-h' },
    h('h2', { id: 'odoo-h' }, t('set.odoo')),
    h('p', {}, h('a', { href: 'odoo.html' }, t('set.odooText'))),
  );

  replace(
    main,
    h('h1', {}, t('set.title')),
    profile,
    legal,
    theme,
    languages,
    shippingForm,
    owner ? payments : null,
    owner ? stripe : null,
    email,
    membersPanel(session),
    odoo,
  );
}
