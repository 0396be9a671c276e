import { z } from 'zod';
import type { Deps } from '../../deps.ts';
import { maskSecret, openSecret, sealSecret } from './secret-box.ts';

export const stripeKeysPath = (shopId: string) => `shops/${shopId}/secrets/stripe`;

export const StripeKeysInput = z.strictObject({
  publishableKey: z.string().regex(/^pk_(test|live)_[A-Za-z0-9]{8,}$/, 'a key starting pk_'),
  /** Omitted → keep the saved one (the form never receives it back). */
  secretKey: z
    .string()
    .regex(/^(sk|rk)_(test|live)_[A-Za-z0-9]{8,}$/, 'a key starting sk_ or rk_')
    .optional(),
  webhookSecret: z
    .string()
    .regex(/^whsec_[A-Za-z0-9]{8,}$/, 'a secret starting whsec_')
    .optional(),
});

const StoredKeys = z.object({
  publishableKey: z.string(),
  secretKey: z.string().optional(),
  webhookSecret: z.string().optional(),
  updatedAt: z.string(),
});

export interface MaskedStripeKeys {
  publishableKey: string;
  secretKey: string | null;
  webhookSecret: string | null;
  updatedAt: string;
}

/** Saves a shop's Stripe keys; secrets are sealed and only ever shown masked afterwards. */
export async function saveStripeKeys(
  deps: Deps,
  shopId: string,
  input: z.infer<typeof StripeKeysInput>,
): Promise<MaskedStripeKeys> {
  const current = StoredKeys.safeParse((await deps.store.get(stripeKeysPath(shopId))).data);
  const keep = current.success ? current.data : undefined;
  const stored = {
    publishableKey: input.publishableKey,
    ...(input.secretKey
      ? { secretKey: sealSecret(deps.secretKey, input.secretKey) }
      : keep?.secretKey
        ? { secretKey: keep.secretKey }
        : {}),
    ...(input.webhookSecret
      ? { webhookSecret: sealSecret(deps.secretKey, input.webhookSecret) }
      : keep?.webhookSecret
        ? { webhookSecret: keep.webhookSecret }
        : {}),
    updatedAt: deps.clock.now().toISOString(),
  };
  await deps.store.set(stripeKeysPath(shopId), stored);
  deps.log.info({ shopId }, 'stripe keys saved');
  return (await loadMaskedStripeKeys(deps, shopId))!;
}

export async function loadMaskedStripeKeys(
  deps: Deps,
  shopId: string,
): Promise<MaskedStripeKeys | null> {
  const keys = await loadShopStripeKeys(deps, shopId);
  if (!keys) return null;
  return {
    publishableKey: keys.publishableKey,
    secretKey: keys.secretKey ? maskSecret(keys.secretKey) : null,
    webhookSecret: keys.webhookSecret ? maskSecret(keys.webhookSecret) : null,
    updatedAt: keys.updatedAt,
  };
}

/** The shop's own Stripe keys in clear, for the payment code only; never for a response. */
export async function loadShopStripeKeys(deps: Pick<Deps, 'store' | 'secretKey'>, shopId: string) {
  const parsed = StoredKeys.safeParse((await deps.store.get(stripeKeysPath(shopId))).data);
  if (!parsed.success) return undefined;
  const k = parsed.data;
  return {
    publishableKey: k.publishableKey,
    secretKey: k.secretKey ? openSecret(deps.secretKey, k.secretKey) : undefined,
    webhookSecret: k.webhookSecret ? openSecret(deps.secretKey, k.webhookSecret) : undefined,
    updatedAt: k.updatedAt,
  };
}
