import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const SCRIPT = join(dirname(fileURLToPath(import.meta.url)), 'odoo_standin.py');

export interface StandinOptions {
  odooVersion?: 16 | 17 | 18 | 19;
  /** Reuse a port (restarting after an outage); 0 picks a free one. */
  port?: number;
  /** Keeps the data across a stop and start. */
  stateFile?: string;
  confirmReturnsNone?: boolean;
  deny?: string[];
}

export interface Standin {
  url: string;
  port: number;
  db: string;
  login: string;
  apiKey: string;
  /** Calls a test hook (`set_stock`, `finish_production`, `records`, `calls`, …). */
  hook<T = unknown>(op: string, args?: Record<string, unknown>): Promise<T>;
  records<T = Record<string, unknown>>(
    model: string,
    domain?: unknown[],
    fields?: string[],
  ): Promise<T[]>;
  stop(): Promise<void>;
}

/** Starts the Python stand-in for Odoo on a loopback port and waits until it listens. */
export async function startStandin(options: StandinOptions = {}): Promise<Standin> {
  const args = [SCRIPT, '--odoo-version', String(options.odooVersion ?? 17)];
  args.push('--port', String(options.port ?? 0));
  if (options.stateFile) args.push('--state-file', options.stateFile);
  if (options.confirmReturnsNone) args.push('--confirm-returns-none');
  for (const model of options.deny ?? []) args.push('--deny', model);

  const child: ChildProcess = spawn('python3', args, { stdio: ['ignore', 'pipe', 'inherit'] });
  const lines = createInterface({ input: child.stdout! });
  const [first] = (await Promise.race([
    once(lines, 'line'),
    once(child, 'exit').then(() => {
      throw new Error('the Odoo stand-in exited before listening');
    }),
  ])) as [string];
  const port = (JSON.parse(first) as { port: number }).port;
  const url = `http://127.0.0.1:${port}`;

  async function hook<T>(op: string, body: Record<string, unknown> = {}): Promise<T> {
    const response = await fetch(`${url}/standin/${op}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
    const json = (await response.json()) as { result?: T; error?: string };
    if (!response.ok) throw new Error(`stand-in hook ${op}: ${json.error}`);
    return json.result as T;
  }

  return {
    url,
    port,
    db: 'konta',
    login: 'api@konta.test',
    apiKey: 'standin-api-key',
    hook,
    records: (model, domain = [], fields) => hook('records', { model, domain, fields }),
    async stop() {
      if (child.exitCode !== null) return;
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      await exited;
    },
  };
}
