import { loadConfig } from '../core/config.ts';
import { startLocalStack } from './stack.ts';

/** `npm start`: the whole shop locally, with the data kept in DATA_DIR between runs. */
async function main(): Promise<void> {
  const started = performance.now();
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig({ KONTA_ENV: 'local', LOG_LEVEL: 'warn', ...process.env });
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }

  const stack = await startLocalStack({ config, progress: (line) => console.error(`· ${line}`) });

  // Handlers go in before the banner: whoever reads it may press Ctrl-C at once.
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    console.log('\nStopping…');
    await stack.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);

  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`\nKontá is running (ready in ${seconds} s). Data: ${config.dataDir}/\n`);
  for (const [shopId, url] of Object.entries(stack.shops))
    console.log(`  Storefront ${shopId}: ${url}`);
  console.log(`  Admin:   ${stack.url}/admin/`);
  console.log(`  Mailbox: ${stack.mailboxUrl}`);
  console.log(`  API:     ${stack.url}/api/healthz\n\nPress Ctrl-C to stop.`);
}

await main();
