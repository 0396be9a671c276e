import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fixedClock } from '../../functions/core/clock.ts';
import { loadConfig } from '../../functions/core/config.ts';
import { createMemoryLogger } from '../../functions/core/logger.ts';
import { createDeps, type Deps } from '../../functions/deps.ts';
import { createSmtpMailer } from '../../functions/email/mailer.ts';
import { SqliteStore } from '../../functions/store/sqlite/sqlite-store.ts';

/**
 * Deps for a test: a fresh SQLite file, an in-memory logger, a movable clock and, when an SMTP
 * url is given, a real mailer pointed at it.
 */
export async function createTestDeps(
  options: { smtpUrl?: string; now?: string; env?: Record<string, string> } = {},
) {
  const dir = mkdtempSync(join(tmpdir(), 'konta-test-'));
  const config = loadConfig({
    KONTA_ENV: 'test',
    DATA_DIR: dir,
    PUBLIC_BASE_URL: 'http://localhost:8080',
    ...(options.smtpUrl ? { SMTP_URL: options.smtpUrl } : {}),
    ...options.env,
  });
  const clock = fixedClock(options.now ?? '2026-12-01T10:00:00.000Z');
  const memory = createMemoryLogger();
  const store = new SqliteStore({ file: join(dir, 'konta.db') });
  const deps: Deps = await createDeps(config, {
    store,
    clock,
    log: memory.log,
    mailer: createSmtpMailer(config.smtpUrl, { maxConnections: 2 }),
  });
  return {
    deps,
    clock,
    dir,
    logLines: memory.lines,
    async close() {
      await deps.mailer.close();
      await store.close();
    },
  };
}
