import type { Hono } from 'hono';
import { z } from 'zod';
import { LegalTexts, PaymentSettings, ShopSettings } from '../../../shared/catalog/settings.ts';
import { ShopProfile } from '../../../shared/catalog/shop.ts';
import { Locale } from '../../../shared/i18n/locale.ts';
import { AppError } from '../../core/errors.ts';
import type { Deps } from '../../deps.ts';
import { readJson } from '../../http/body.ts';
import type { AppEnv } from '../../http/types.ts';
import { requireOwner } from '../auth/require-member.ts';
import { loadMaskedStripeKeys, StripeKeysInput, saveStripeKeys } from './stripe-keys.ts';
import { updateShop } from './update-shop.ts';

const Profile = ShopProfile.pick({
  name: true,
  tagline: true,
  contactEmail: true,
  phone: true,
  address: true,
  legal: true,
}).strict();
const Languages = z
  .strictObject({ locales: z.array(Locale).min(1), defaultLocale: Locale })
  .refine((l) => l.locales.includes(l.defaultLocale), 'the default must be one of the locales');
const Shipping = z.strictObject({ shippingMethods: ShopSettings.shape.shippingMethods });
const EmailSender = z.strictObject({
  fromName: z
    .string()
    .min(1)
    .max(80)
    .regex(/^[^\r\n<>"]*$/, 'no line breaks, quotes or <>'),
  replyTo: z.email().max(254),
});
const emailSenderPath = (shopId: string) => `shops/${shopId}/adminSettings/email`;

/** `/api/admin/settings/*`: one PUT per section; payment keys are for owners only. */
export function registerSettingsRoutes(app: Hono<AppEnv>, deps: Deps): void {
  const base = '/api/admin/settings';

  app.get(base, async (c) => {
    const { shopId } = c.get('member');
    const snap = await deps.store.get(`shops/${shopId}`);
    if (!snap.exists) throw new AppError('not_found', { message: `There is no shop ${shopId}.` });
    const emailSender = (await deps.store.get(emailSenderPath(shopId))).data ?? null;
    return c.json({
      shop: ShopProfile.parse(snap.data),
      stripe: await loadMaskedStripeKeys(deps, shopId),
      emailSender,
    });
  });

  const section = <S extends z.ZodType>(
    name: string,
    schema: S,
    apply: (shop: ShopProfile, body: z.infer<S>) => ShopProfile,
  ) =>
    app.put(`${base}/${name}`, async (c) => {
      const body = await readJson(c, schema);
      return c.json(await updateShop(deps, c.get('member').shopId, (s) => apply(s, body)));
    });

  section('profile', Profile, (s, b) => ({ ...s, ...b }));
  section('theme', ShopProfile.shape.theme.strict(), (s, theme) => ({ ...s, theme }));
  section('languages', Languages, (s, b) => ({ ...s, ...b }));
  section('legal', LegalTexts.strict(), (s, legalTexts) => ({
    ...s,
    settings: { ...s.settings, legalTexts },
  }));
  section('shipping', Shipping, (s, b) => ({
    ...s,
    settings: { ...s.settings, shippingMethods: b.shippingMethods },
  }));

  app.put(`${base}/payments`, requireOwner(), async (c) => {
    const payments = await readJson(c, PaymentSettings.strict());
    const shop = await updateShop(deps, c.get('member').shopId, (s) => ({
      ...s,
      settings: { ...s.settings, payments },
    }));
    return c.json(shop);
  });

  app.put(`${base}/stripe`, requireOwner(), async (c) => {
    const body = await readJson(c, StripeKeysInput);
    return c.json(await saveStripeKeys(deps, c.get('member').shopId, body));
  });

  app.put(`${base}/email`, async (c) => {
    const body = await readJson(c, EmailSender);
    await deps.store.set(emailSenderPath(c.get('member').shopId), body);
    return c.json(body);
  });
}
