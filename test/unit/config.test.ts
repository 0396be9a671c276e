import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../functions/core/config.ts';
import { runNode } from '../support/processes.ts';

describe('config', () => {
  it('fills local defaults', () => {
    const config = loadConfig({});
    expect(config.env).toBe('local');
    expect(config.store).toEqual({ kind: 'sqlite', file: '.data/konta.db' });
  });

  it('names every invalid or missing key', () => {
    const attempt = () => loadConfig({ PORT: 'eighty', STORE: 'firestore' });
    expect(attempt).toThrow(ConfigError);
    try {
      attempt();
    } catch (error) {
      expect((error as ConfigError).keys.sort()).toEqual(['FIRESTORE_PROJECT_ID', 'PORT']);
      expect((error as Error).message).toContain('See .env.example');
    }
  });

  it('requires a secret key in dev and prod', () => {
    expect(() => loadConfig({ KONTA_ENV: 'prod' })).toThrow(/SECRET_KEY/);
  });

  it('stops `npm start` with a message naming the bad key', async () => {
    const start = fileURLToPath(new URL('../../functions/local/start.ts', import.meta.url));
    const failure = await runNode([start], { SMTP_URL: 'http://mail' }).catch((e: Error) => e);
    expect(failure).toBeInstanceOf(Error);
    expect((failure as Error).message).toMatch(/exit 1: Invalid configuration: SMTP_URL/);
  });
});

describe('.env.example', () => {
  it('documents every configuration key', async () => {
    const { readFileSync } = await import('node:fs');
    const { CONFIG_KEYS } = await import('../../functions/core/config.ts');
    const documented = readFileSync(new URL('../../.env.example', import.meta.url), 'utf8')
      .split('\n')
      .filter((line) => /^[A-Z_]+=/.test(line))
      .map((line) => line.split('=')[0]);
    expect(documented.sort()).toEqual([...CONFIG_KEYS].sort());
  });
});
