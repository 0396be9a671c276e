import type { Context, Hono } from 'hono';
import { z } from 'zod';
import { Locale } from '../../../shared/i18n/locale.ts';
import { EmailAddress, SubscribeRequest } from '../../../shared/newsletter/subscriber.ts';
import { AppError } from '../../core/errors.ts';
import type { Deps } from '../../deps.ts';
import { readJson } from '../../http/body.ts';
import type { AppEnv } from '../../http/types.ts';
import { loadSender } from '../load-sender.ts';
import {
  checkRateLimit,
  SUBSCRIBE_PER_IP,
  SUBSCRIBE_PER_SHOP,
} from '../subscribe/check-rate-limit.ts';
import { confirmSubscription } from '../subscribe/confirm-subscription.ts';
import { startDoubleOptIn } from '../subscribe/start-double-opt-in.ts';
import {
  eraseByToken,
  exportSubscriberData,
  requestDataAccess,
} from '../subscribe/subscriber-rights.ts';
import { unsubscribe } from '../subscribe/unsubscribe.ts';
import { resultPage } from './page.ts';
import { clientIp, shopIdOf } from './params.ts';
import { registerTrackingRoutes } from './tracking-routes.ts';

const BASE = '/api/shops/:shopId/newsletter';
/** The form has four short fields; anything bigger is not our form. */
const MAX_FORM_BYTES = 4 * 1024;
const ACCEPTED = { status: 'check_your_inbox' } as const;

function tokenOf(c: Context<AppEnv>): string {
  return (c.req.query('token') ?? '').slice(0, 400);
}

function pageLocale(c: Context<AppEnv>): Locale {
  return Locale.catch('es').parse(c.req.query('lang'));
}

async function requireNewsletter(deps: Deps, shopId: string): Promise<void> {
  const snap = await deps.store.get(`shops/${shopId}`);
  const enabled = (snap.data?.settings as { newsletter?: { enabled?: boolean } } | undefined)
    ?.newsletter?.enabled;
  if (!snap.exists || enabled === false) {
    throw new AppError('not_found', { message: 'This shop has no newsletter.' });
  }
}

/** Public newsletter endpoints: subscribe, confirm, unsubscribe, data access and erasure. */
export function registerNewsletterPublicRoutes(app: Hono<AppEnv>, deps: Deps): void {
  app.post(`${BASE}/subscribe`, async (c) => {
    const shopId = shopIdOf(c);
    const body = await readJson(c, SubscribeRequest, MAX_FORM_BYTES);
    await requireNewsletter(deps, shopId);
    const ip = clientIp(c);
    await checkRateLimit(deps, shopId, `ip:${ip ?? 'unknown'}`, SUBSCRIBE_PER_IP);
    await checkRateLimit(deps, shopId, 'shop', SUBSCRIBE_PER_SHOP);
    // The honeypot gets the same answer as a person, so bots learn nothing from it.
    if (body.website !== '') return c.json(ACCEPTED, 202);

    await startDoubleOptIn(deps, shopId, {
      email: body.email,
      locale: body.locale,
      consent: {
        ip,
        userAgent: c.req.header('user-agent')?.slice(0, 400) ?? null,
        formVersion: body.formVersion,
        source: body.source,
      },
    });
    return c.json(ACCEPTED, 202);
  });

  app.get(`${BASE}/confirm`, async (c) => {
    const shopId = shopIdOf(c);
    const sender = await loadSender(deps, shopId);
    const outcome = await confirmSubscription(deps, shopId, tokenOf(c), clientIp(c));
    if (outcome.status === 'confirmed') {
      return c.html(resultPage(outcome.locale, sender.shopName, 'confirmedTitle', 'confirmedBody'));
    }
    const locale = pageLocale(c);
    if (outcome.status === 'expired') {
      return c.html(resultPage(locale, sender.shopName, 'expiredTitle', 'expiredBody'), 410);
    }
    return c.html(resultPage(locale, sender.shopName, 'invalidTitle', 'invalidBody'), 400);
  });

  // The footer link: unsubscribes at once (no second click) and says so.
  app.get(`${BASE}/unsubscribe`, async (c) => {
    const shopId = shopIdOf(c);
    const sender = await loadSender(deps, shopId);
    try {
      const { locale } = await unsubscribe(deps, shopId, tokenOf(c));
      return c.html(resultPage(locale, sender.shopName, 'unsubscribedTitle', 'unsubscribedBody'));
    } catch (error) {
      if (!(error instanceof AppError) || error.code !== 'bad_request') throw error;
      const page = resultPage(pageLocale(c), sender.shopName, 'invalidTitle', 'invalidBody');
      return c.html(page, 400);
    }
  });

  // RFC 8058: mail clients POST `List-Unsubscribe=One-Click` to the header's https URL.
  app.post(`${BASE}/unsubscribe`, async (c) => {
    const shopId = shopIdOf(c);
    await unsubscribe(deps, shopId, tokenOf(c));
    return c.json({ status: 'unsubscribed' });
  });

  app.post(`${BASE}/data-request`, async (c) => {
    const shopId = shopIdOf(c);
    const body = await readJson(c, z.strictObject({ email: EmailAddress }), MAX_FORM_BYTES);
    await checkRateLimit(deps, shopId, `ip:${clientIp(c) ?? 'unknown'}`, SUBSCRIBE_PER_IP);
    await requestDataAccess(deps, shopId, body.email);
    return c.json(ACCEPTED, 202);
  });

  app.get(`${BASE}/data`, async (c) => {
    const shopId = shopIdOf(c);
    return c.json({ subscriber: await exportSubscriberData(deps, shopId, tokenOf(c)) });
  });

  app.post(`${BASE}/erase`, async (c) => {
    const shopId = shopIdOf(c);
    await eraseByToken(deps, shopId, tokenOf(c));
    return c.json({ status: 'erased' });
  });

  registerTrackingRoutes(app, deps, BASE);
}
