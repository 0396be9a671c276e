import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../core/config.ts';
import { LIMITS, runLoad } from '../ops/loadtest.ts';

const USAGE = `Usage: npm run loadtest -- [--url http://127.0.0.1:8080 | --start]
  [--shop horno-sin-gluten] [--requests 2000] [--seconds 60] [--concurrency 20]
  [--checkout-share 0.1] [--shipping reparto-local]

Mixed storefront-API reads and checkouts against a local stack on loopback (npm start), or
with --start against a fresh one in a scratch data dir. Stops at --requests or --seconds
(at most ${LIMITS.requests} and ${LIMITS.seconds}). Prints one JSON report.`;

const { values } = parseArgs({
  options: {
    url: { type: 'string' },
    start: { type: 'boolean', default: false },
    shop: { type: 'string', default: 'horno-sin-gluten' },
    requests: { type: 'string', default: '2000' },
    seconds: { type: 'string', default: '60' },
    concurrency: { type: 'string', default: '20' },
    'checkout-share': { type: 'string', default: '0.1' },
    shipping: { type: 'string', default: 'reparto-local' },
    help: { type: 'boolean', default: false },
  },
});
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}

const root = resolve(import.meta.dirname, '../..');
let stop = async () => {};
let url = values.url ?? `http://127.0.0.1:${process.env.PORT ?? 8080}`;
if (values.start) {
  mkdirSync(join(root, '.data'), { recursive: true });
  const dir = mkdtempSync(join(root, '.data', 'loadtest-'));
  const { startLocalStack } = await import('../local/stack.ts');
  const stack = await startLocalStack({
    config: loadConfig({ KONTA_ENV: 'local', DATA_DIR: dir, PORT: '0', LOG_LEVEL: 'silent' }),
    timers: false,
    progress: (line) => console.error(`· ${line}`),
  });
  url = stack.url;
  stop = async () => {
    await stack.close();
    rmSync(dir, { recursive: true, force: true });
  };
}

try {
  const report = await runLoad({
    baseUrl: url,
    shopId: values.shop,
    requests: Number(values.requests),
    seconds: Number(values.seconds),
    concurrency: Number(values.concurrency),
    checkoutShare: Number(values['checkout-share']),
    shippingMethodId: values.shipping,
  });
  console.log(JSON.stringify({ loadtest: url, ...report }));
  process.exitCode = report.serverErrors > 0 ? 1 : 0;
} catch (error) {
  console.error(`loadtest: ${(error as Error).message}`);
  process.exitCode = 1;
} finally {
  await stop();
}
