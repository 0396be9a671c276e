import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import Stripe from 'stripe';
import { decodeForm, listOf } from './form.ts';

export interface StandinSession {
  id: string;
  object: 'checkout.session';
  status: 'open' | 'complete' | 'expired';
  payment_status: 'paid' | 'unpaid';
  payment_intent: string | null;
  amount_total: number;
  currency: string;
  expires_at: number;
  success_url: string;
  cancel_url: string;
  url: string;
  client_reference_id: string | null;
  customer_email: string | null;
  metadata: Record<string, string>;
  line_items: { quantity: number; unit_amount: number; tax_behavior: string; name: string }[];
  amount_refunded: number;
}

export interface StandinOptions {
  webhookSecret: string;
  /** Where events for a shop go, e.g. `${stack}/api/webhooks/stripe/${shopId}`. */
  webhookUrl?: (shopId: string) => string;
  /** Delivers events in-process instead (tests calling `app.request`). */
  deliver?: (shopId: string, payload: string, signature: string) => Promise<number>;
  /** Seconds since epoch for session validity checks; defaults to the wall clock. */
  now?: () => number;
}

const id = (prefix: string) => `${prefix}_test_${randomBytes(12).toString('hex')}`;

/**
 * A local stand-in for the Stripe API endpoints Kontá calls (Checkout Sessions, refunds) plus
 * a hosted "pay" page, sending webhooks signed the way Stripe signs them. The real `stripe`
 * SDK talks to it through `new Stripe(key, { host, port, protocol: 'http' })`.
 */
export async function startStripeStandin(options: StandinOptions) {
  const signer = new Stripe('sk_test_standin');
  const sessions = new Map<string, StandinSession>();
  const refundsByKey = new Map<string, unknown>();
  const sent: { type: string; id: string; status: number }[] = [];
  const now = options.now ?? (() => Math.floor(Date.now() / 1000));
  let base = '';

  function event(type: string, object: unknown) {
    return { id: id('evt'), object: 'event', type, created: now(), data: { object } };
  }

  async function send(shopId: string, evt: { id: string; type: string }, timestamp?: number) {
    const payload = JSON.stringify(evt, null, 2);
    const signature = signer.webhooks.generateTestHeaderString({
      payload,
      secret: options.webhookSecret,
      timestamp: timestamp ?? now(),
    });
    let status: number;
    if (options.deliver) status = await options.deliver(shopId, payload, signature);
    else if (options.webhookUrl) {
      const res = await fetch(options.webhookUrl(shopId), {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'stripe-signature': signature },
        body: payload,
      });
      status = res.status;
    } else status = 0;
    sent.push({ type: evt.type, id: evt.id, status });
    return status;
  }

  function createSession(form: Record<string, unknown>): StandinSession | string {
    if (form.mode !== 'payment') return 'mode must be payment';
    const items = listOf(form.line_items).map((item) => {
      const price = item.price_data as Record<string, unknown> | undefined;
      const product = price?.product_data as Record<string, unknown> | undefined;
      return {
        quantity: Number(item.quantity),
        unit_amount: Number(price?.unit_amount),
        tax_behavior: String(price?.tax_behavior),
        currency: String(price?.currency),
        name: String(product?.name ?? ''),
      };
    });
    if (items.length === 0) return 'line_items is required';
    if (items.some((i) => !Number.isInteger(i.unit_amount) || i.quantity < 1)) {
      return 'each line item needs price_data.unit_amount and quantity';
    }
    if (items.some((i) => i.tax_behavior !== 'inclusive')) return 'tax_behavior must be inclusive';
    const expiresAt = Number(form.expires_at);
    const ahead = expiresAt - now();
    if (!(ahead >= 30 * 60 - 5 && ahead <= 24 * 3600)) {
      return 'expires_at must be between 30 minutes and 24 hours from now';
    }
    if (!form.success_url) return 'success_url is required';
    const sessionId = id('cs');
    return {
      id: sessionId,
      object: 'checkout.session',
      status: 'open',
      payment_status: 'unpaid',
      payment_intent: null,
      amount_total: items.reduce((s, i) => s + i.unit_amount * i.quantity, 0),
      currency: items[0]!.currency,
      expires_at: expiresAt,
      success_url: String(form.success_url),
      cancel_url: String(form.cancel_url ?? form.success_url),
      url: `${base}/pay/${sessionId}`,
      client_reference_id: (form.client_reference_id as string) ?? null,
      customer_email: (form.customer_email as string) ?? null,
      metadata: (form.metadata as Record<string, string>) ?? {},
      line_items: items,
      amount_refunded: 0,
    };
  }

  /** The shopper pays on the hosted page: the session completes and the webhook fires. */
  async function complete(sessionId: string) {
    const session = sessions.get(sessionId);
    if (!session) throw new Error(`no session ${sessionId}`);
    if (session.status === 'open') {
      session.status = 'complete';
      session.payment_status = 'paid';
      session.payment_intent = id('pi');
    }
    return send(session.metadata.shopId ?? '', event('checkout.session.completed', session));
  }

  async function expire(sessionId: string) {
    const session = sessions.get(sessionId);
    if (!session) throw new Error(`no session ${sessionId}`);
    session.status = 'expired';
    return send(session.metadata.shopId ?? '', event('checkout.session.expired', session));
  }

  function json(res: ServerResponse, status: number, body: unknown) {
    res.writeHead(status, { 'content-type': 'application/json', 'request-id': id('req') });
    res.end(JSON.stringify(body));
  }

  function stripeError(res: ServerResponse, status: number, message: string) {
    json(res, status, { error: { type: 'invalid_request_error', message } });
  }

  async function readBody(req: IncomingMessage): Promise<string> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString('utf8');
  }

  async function route(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? '/', base);
    const body = await readBody(req);
    const form = decodeForm(body);
    const path = url.pathname;
    const auth = req.headers.authorization ?? '';

    if (path.startsWith('/v1/') && !/^Bearer (sk|rk)_/.test(auth)) {
      return stripeError(res, 401, 'Invalid API Key provided');
    }
    if (req.method === 'POST' && path === '/v1/checkout/sessions') {
      const created = createSession(form);
      if (typeof created === 'string') return stripeError(res, 400, created);
      sessions.set(created.id, created);
      return json(res, 200, created);
    }
    const sessionMatch = /^\/v1\/checkout\/sessions\/([\w]+)(\/expire)?$/.exec(path);
    if (sessionMatch) {
      const session = sessions.get(sessionMatch[1]!);
      if (!session) return stripeError(res, 404, 'No such checkout.session');
      if (req.method === 'POST' && sessionMatch[2]) {
        if (session.status !== 'open') return stripeError(res, 400, 'Session is not open');
        await expire(session.id);
      }
      return json(res, 200, session);
    }
    if (req.method === 'POST' && path === '/v1/refunds') {
      const key = String(req.headers['idempotency-key'] ?? '');
      if (key && refundsByKey.has(key)) return json(res, 200, refundsByKey.get(key));
      const session = [...sessions.values()].find((s) => s.payment_intent === form.payment_intent);
      if (!session) return stripeError(res, 400, 'No such payment_intent');
      const amount = Number(form.amount ?? session.amount_total - session.amount_refunded);
      if (amount < 1 || session.amount_refunded + amount > session.amount_total) {
        return stripeError(res, 400, 'Refund amount exceeds the charge');
      }
      session.amount_refunded += amount;
      const refund = {
        id: id('re'),
        object: 'refund',
        amount,
        payment_intent: session.payment_intent,
        status: 'succeeded',
      };
      if (key) refundsByKey.set(key, refund);
      json(res, 200, refund);
      const charge = {
        id: id('ch'),
        object: 'charge',
        amount: session.amount_total,
        amount_refunded: session.amount_refunded,
        payment_intent: session.payment_intent,
        metadata: session.metadata,
      };
      await send(session.metadata.shopId ?? '', event('charge.refunded', charge));
      return;
    }
    const payMatch = /^\/pay\/([\w]+)$/.exec(path);
    if (payMatch) {
      const session = sessions.get(payMatch[1]!);
      if (!session) return stripeError(res, 404, 'No such checkout.session');
      if (req.method === 'POST') {
        await complete(session.id);
        res.writeHead(303, { location: session.success_url });
        return res.end();
      }
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      const total = (session.amount_total / 100).toFixed(2);
      return res.end(
        `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Stripe stand-in</title></head><body><main><h1>Pay ${total} EUR</h1><form method="post"><button type="submit">Pay</button></form><p><a href="${session.cancel_url}">Back</a></p></main></body></html>`,
      );
    }
    stripeError(res, 404, `Unrecognized request URL (${req.method}: ${path})`);
  }

  const server = createServer((req, res) => {
    route(req, res).catch((error: unknown) => {
      if (!res.headersSent) stripeError(res, 500, String(error));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as AddressInfo;
  base = `http://127.0.0.1:${port}`;

  return {
    url: base,
    sessions,
    sent,
    complete,
    expire,
    /** Sends any event, optionally with an old timestamp or a tampered body. */
    send,
    event,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
export type StripeStandin = Awaited<ReturnType<typeof startStripeStandin>>;
