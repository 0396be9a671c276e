import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { html } from 'hono/html';
import { createAdminUiHandler } from '../../web/admin/serve-admin-ui.ts';
import { LOCAL_SCHEDULE } from '../apps/jobs.ts';
import type { Config } from '../core/config.ts';
import type { Logger } from '../core/logger.ts';
import { createDeps, type Deps } from '../deps.ts';
import { createLocalSites } from '../publish/local-sites.ts';
import { startCaptureSmtp } from './capture-smtp.ts';
import { createFunctionApps, functionFor } from './dispatch.ts';
import { createMailboxRoutes } from './mailbox-routes.ts';
import { MailboxStore } from './mailbox-store.ts';

export interface LocalStack {
  url: string;
  mailboxUrl: string;
  deps: Deps;
  mailbox: MailboxStore;
  /** Storefront URL per shop id. */
  shops: Record<string, string>;
  close(): Promise<void>;
}

export interface LocalStackOptions {
  config: Config;
  log?: Logger;
  /** Run scheduled jobs on timers (off in tests that drive jobs themselves). */
  timers?: boolean;
  /** Progress lines for the terminal (stderr), not structured logs. */
  progress?: (line: string) => void;
}

/**
 * The whole shop on one machine: the embedded store, every HTTP function on one server (paths
 * routed as Hosting would), the storefronts, a capture SMTP server and its mailbox page, and
 * the scheduled jobs on timers. `npm start` and the browser tests both use it.
 */
export async function startLocalStack(options: LocalStackOptions): Promise<LocalStack> {
  const { config } = options;
  const progress = options.progress ?? (() => {});
  mkdirSync(config.dataDir, { recursive: true });

  const mailbox = await MailboxStore.open(join(config.dataDir, 'mailbox'));
  const smtpPort = Number(new URL(config.smtpUrl).port);
  const smtp = await startCaptureSmtp({
    port: smtpPort,
    onMail: (mail) => void mailbox.save(mail),
  });
  // Listen first: with PORT=0 the public URL (used in emails and links) is known only then.
  let handle: (request: Request) => Response | Promise<Response> = () =>
    new Response('starting', { status: 503 });
  const server = serve({
    fetch: (request) => handle(request),
    port: config.port,
    hostname: '127.0.0.1',
  });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const { port } = server.address() as AddressInfo;
  const url = `http://localhost:${port}`;
  const publicBaseUrl = config.port === 0 ? url : config.publicBaseUrl;

  const deps = await createDeps(
    { ...config, smtpUrl: smtp.url, publicBaseUrl },
    options.log ? { log: options.log } : {},
  );
  const apps = createFunctionApps(deps);

  const root = new Hono();
  root.route('/', createMailboxRoutes(mailbox));
  root.all('*', async (c, next) => {
    const target = functionFor(apps, new URL(c.req.url).pathname);
    if (!target) return next();
    return target.fetch(c.req.raw);
  });

  const shops: Record<string, string> = {};
  const sites = createLocalSites(deps);
  root.on(['GET', 'HEAD'], ['/s/:shopId', '/s/:shopId/*'], (c) => sites.handle(c));
  root.on(['GET', 'HEAD'], ['/admin', '/admin/*'], createAdminUiHandler());
  root.get('/', (c) =>
    c.html(html`<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1"><title>Kontá · local</title></head>
<body style="font:16px/1.5 system-ui;max-width:40rem;margin:2rem auto"><main><h1>Kontá local stack</h1><ul>
${Object.entries(shops).map(([id, url]) => html`<li><a href="${url}">Storefront: ${id}</a></li>`)}
<li><a href="/admin/">Admin</a></li><li><a href="/mailbox">Mailbox</a></li></ul></main></body></html>`),
  );

  handle = root.fetch;
  progress(`server listening on ${url}`);
  Object.assign(shops, await sites.publishAll(publicBaseUrl, progress));

  const timers =
    (options.timers ?? true)
      ? LOCAL_SCHEDULE.map(({ path, everyMs }) =>
          setInterval(() => {
            void Promise.resolve(
              apps.jobs.fetch(new Request(`${url}${path}`, { method: 'POST' })),
            ).catch((error: unknown) => deps.log.error({ path, err: String(error) }, 'job failed'));
          }, everyMs),
        )
      : [];

  return {
    url,
    mailboxUrl: `${url}/mailbox`,
    deps,
    mailbox,
    shops,
    async close() {
      for (const timer of timers) clearInterval(timer);
      await new Promise<void>((resolve) => server.close(() => resolve()));
      // The mailer's pooled connection first: the SMTP server waits for open clients to leave.
      await deps.mailer.close();
      await smtp.close();
      await deps.store.close();
    },
  };
}
