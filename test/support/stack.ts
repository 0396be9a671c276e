import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../functions/core/config.ts';
import { createMemoryLogger } from '../../functions/core/logger.ts';
import { type LocalStack, startLocalStack } from '../../functions/local/stack.ts';

/**
 * The whole local stack (demo shops seeded and built, mailbox, all functions) on random ports
 * in a temp data dir, for browser and end-to-end tests.
 */
export async function startTestStack(
  options: { timers?: boolean; env?: Record<string, string> } = {},
): Promise<LocalStack & { logLines: () => object[] }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'konta-stack-'));
  const config = loadConfig({
    KONTA_ENV: 'test',
    PORT: '0',
    DATA_DIR: dataDir,
    SMTP_URL: 'smtp://127.0.0.1:0',
    LOG_LEVEL: 'info',
    ...options.env,
  });
  const memory = createMemoryLogger('info');
  const stack = await startLocalStack({ config, log: memory.log, timers: options.timers ?? true });
  return Object.assign(stack, { logLines: memory.lines });
}
