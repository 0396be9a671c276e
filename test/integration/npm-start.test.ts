import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const start = fileURLToPath(new URL('../../functions/local/start.ts', import.meta.url));
const dataDir = mkdtempSync(join(tmpdir(), 'konta-npm-start-'));
const children: ChildProcess[] = [];

interface Started {
  child: ChildProcess;
  output: string;
  seconds: number;
  storefronts: Record<string, string>;
  mailbox: string;
}

/** Runs the `npm start` entry the way a developer does and waits for its banner. */
function startStack(): Promise<Started> {
  const started = performance.now();
  const child = spawn(process.execPath, [start], {
    env: { ...process.env, DATA_DIR: dataDir, PORT: '0', SMTP_URL: 'smtp://127.0.0.1:0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no banner in 60 s:\n${output}`)), 60_000);
    const read = (chunk: Buffer) => {
      output += chunk;
      if (!output.includes('Press Ctrl-C')) return;
      clearTimeout(timer);
      const storefronts = Object.fromEntries(
        [...output.matchAll(/Storefront (\S+): (\S+)/g)].map((m) => [m[1]!, m[2]!]),
      );
      const mailbox = /Mailbox: (\S+)/.exec(output)?.[1] ?? '';
      resolve({
        child,
        output,
        seconds: (performance.now() - started) / 1000,
        storefronts,
        mailbox,
      });
    };
    child.stdout!.on('data', read);
    child.stderr!.on('data', read);
    child.on('exit', (code) => reject(new Error(`exited ${code}:\n${output}`)));
  });
}

function stop(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    child.removeAllListeners('exit');
    child.on('exit', (code) => resolve(code));
    child.kill('SIGINT');
  });
}

afterAll(() => {
  for (const child of children) child.kill('SIGKILL');
});

describe('npm start', () => {
  it('prints both demo storefronts and the mailbox within 60 s, serving real product pages', async () => {
    const first = await startStack();

    expect(first.seconds).toBeLessThan(60);
    expect(Object.keys(first.storefronts).sort()).toEqual([
      'estudio-marina-rey',
      'horno-sin-gluten',
    ]);
    expect((await fetch(first.mailbox)).status).toBe(200);

    for (const [shopId, storefront] of Object.entries(first.storefronts)) {
      const origin = new URL(storefront).origin;
      const api = await fetch(`${origin}/api/shops/${shopId}/products?limit=1`);
      const { products } = (await api.json()) as {
        products: { slug: string; title: { es: string }; variants: { price: number }[] }[];
      };
      const product = products[0]!;
      const page = await fetch(new URL(`products/${product.slug}`, storefront));
      const html = await page.text();
      const price = new Intl.NumberFormat('es-ES', { style: 'currency', currency: 'EUR' })
        .format(product.variants[0]!.price / 100)
        .replace(/\s/g, '\\s');

      expect(page.status).toBe(200);
      expect(html).toContain(product.title.es);
      expect(html).toMatch(new RegExp(price.replace('.', '\\.')));
    }

    expect(await stop(first.child)).toBe(0);
  }, 120_000);

  it('keeps the data on a second start instead of seeding again', async () => {
    const second = await startStack();
    expect(second.output).not.toContain('seeded demo shops');
    expect(Object.keys(second.storefronts)).toHaveLength(2);
    expect(await stop(second.child)).toBe(0);
  }, 120_000);
});
