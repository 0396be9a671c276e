/**
 * One checkout server process over a shared SQLite file, for the multi-process oversell test
 * and the checkout bench. Usage: node serve-checkout.ts <sqlite-file>
 * Prints `LISTENING <port>` once serving. Besides the real storefront API it answers
 * `GET /bench/baseline` with a bare Hono JSON response (the bench's baseline).
 */
import { dirname } from 'node:path';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { createStorefrontApi } from '../../functions/apps/storefront-api.ts';
import { loadConfig } from '../../functions/core/config.ts';
import { createDeps } from '../../functions/deps.ts';
import { SqliteStore } from '../../functions/store/sqlite/sqlite-store.ts';

const file = process.argv[2];
if (!file) {
  console.error('usage: serve-checkout.ts <sqlite-file>');
  process.exit(2);
}

const config = loadConfig({
  KONTA_ENV: 'test',
  DATA_DIR: dirname(file),
  SQLITE_FILE: file,
  LOG_LEVEL: 'silent',
});
// The store as the local stack opens it (adapter defaults, 5 s busy timeout).
const store = new SqliteStore({ file });
const deps = await createDeps(config, { store });
const api = createStorefrontApi(deps);

const root = new Hono();
root.get('/bench/baseline', (c) => c.json({ ok: true, pid: process.pid }));
root.all('*', (c) => api.fetch(c.req.raw));

const server = serve({ fetch: root.fetch, port: 0, hostname: '127.0.0.1' }, (info) => {
  console.log(`LISTENING ${info.port}`);
});

process.on('SIGTERM', () => {
  server.close();
  void store.close().then(() => process.exit(0));
});
