import type Stripe from 'stripe';
import { AppError } from '../../core/errors.ts';
import type { Deps } from '../../deps.ts';

const clients = new Map<string, Stripe>();

/** The Stripe settings or a clear failure: card payments are off without keys. */
export function stripeSettings(deps: Deps): NonNullable<Deps['config']['stripe']> {
  const settings = deps.config.stripe;
  if (!settings) {
    throw new AppError('payment_method_unavailable', {
      message: 'Card payments are not configured on this server.',
      hint: 'Set STRIPE_SECRET_KEY and STRIPE_WEBHOOK_SECRET, or choose another payment method.',
    });
  }
  return settings;
}

/** The SDK is imported on first use, so functions that never take cards never load it. */
export async function stripeClient(deps: Deps): Promise<Stripe> {
  const settings = stripeSettings(deps);
  const key = `${settings.secretKey}|${settings.apiUrl ?? ''}`;
  const cached = clients.get(key);
  if (cached) return cached;

  const { default: StripeSdk } = await import('stripe');
  const target = settings.apiUrl ? new URL(settings.apiUrl) : undefined;
  const client = new StripeSdk(settings.secretKey, {
    maxNetworkRetries: 2,
    timeout: 10_000,
    ...(target
      ? {
          host: target.hostname,
          port: Number(target.port),
          protocol: target.protocol === 'http:' ? 'http' : 'https',
        }
      : {}),
  });
  clients.set(key, client);
  return client;
}
