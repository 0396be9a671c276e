import { api } from '../api.ts';
import { field, h, input } from '../dom.ts';
import { t } from '../i18n.ts';
import type { Settings, Shop } from './settings.ts';
import { section, text } from './settings-form.ts';

/** Payment methods with the bank account, and the Stripe keys (saved secrets shown masked). */
export function paymentSections(shop: Shop, keys: Settings['stripe']): [HTMLElement, HTMLElement] {
  const methods = (['stripe', 'bank_transfer', 'pay_on_pickup'] as const).map((m) => ({
    m,
    box: input({
      type: 'checkbox',
      name: `pay-${m}`,
      id: `pay-${m}`,
      checked: shop.settings.payments.enabled.includes(m),
    }),
  }));
  const bank = shop.settings.payments.bankTransfer;
  const iban = text(bank?.iban, { name: 'iban' });
  const holder = text(bank?.accountHolder, { name: 'accountHolder' });
  const bic = text(bank?.bic, { name: 'bic' });
  const payments = section(
    'payments',
    t('set.payments'),
    [
      h(
        'fieldset',
        {},
        h('legend', {}, t('set.enabled')),
        methods.map(({ m, box }) =>
          h('div', { class: 'check' }, box, h('label', { for: box.id }, t(`pay.${m}`))),
        ),
      ),
      field(t('set.iban'), iban),
      field(t('set.holder'), holder),
      field(t('set.bic'), bic),
    ],
    () =>
      api('PUT', '/settings/payments', {
        enabled: methods.filter((x) => x.box.checked).map((x) => x.m),
        ...(iban.value
          ? {
              bankTransfer: {
                iban: iban.value.toUpperCase(),
                accountHolder: holder.value,
                ...(bic.value ? { bic: bic.value } : {}),
              },
            }
          : {}),
      }),
  );

  const pk = text(keys?.publishableKey, { name: 'publishableKey' });
  const sk = input({ type: 'password', name: 'secretKey', autocomplete: 'off' });
  const wh = input({ type: 'password', name: 'webhookSecret', autocomplete: 'off' });
  const saved = (masked: string | null | undefined) =>
    masked ? t('set.savedSecret', { masked }) : undefined;
  const stripe = section(
    'stripe',
    t('set.stripe'),
    [
      field(t('set.pk'), pk),
      field(t('set.sk'), sk, saved(keys?.secretKey)),
      field(t('set.whsec'), wh, saved(keys?.webhookSecret)),
    ],
    async () => {
      await api('PUT', '/settings/stripe', {
        publishableKey: pk.value,
        ...(sk.value ? { secretKey: sk.value } : {}),
        ...(wh.value ? { webhookSecret: wh.value } : {}),
      });
      location.reload();
    },
  );

  return [payments, stripe];
}
