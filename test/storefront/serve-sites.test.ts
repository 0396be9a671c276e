import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { createSiteServer } from '../../functions/publish/serve-sites.ts';

let root: string;
const serve = createSiteServer();
const get = (path: string, headers: Record<string, string> = {}) =>
  serve(new Request(`http://shop.test/${path}`, { headers }), join(root, 'current'), path);

beforeAll(() => {
  const dir = mkdtempSync(join(tmpdir(), 'konta-serve-'));
  mkdirSync(join(dir, 'builds/b1/products'), { recursive: true });
  mkdirSync(join(dir, 'builds/b1/_astro'), { recursive: true });
  writeFileSync(join(dir, 'builds/b1/index.html'), `<h1>Inicio</h1>${' pan'.repeat(200)}`);
  writeFileSync(join(dir, 'builds/b1/products/pan.html'), '<h1>Pan</h1>');
  writeFileSync(join(dir, 'builds/b1/404.html'), '<h1>No existe</h1>');
  writeFileSync(join(dir, 'builds/b1/_astro/a.js'), 'console.log(1)');
  writeFileSync(join(dir, 'secret.txt'), 'do not serve');
  symlinkSync('builds/b1', join(dir, 'current'));
  root = dir;
});

describe('site server', () => {
  it('serves the site root from index.html and compresses text with brotli', async () => {
    const res = (await get('', { 'accept-encoding': 'gzip, br' }))!;
    expect(res.status).toBe(200);
    expect(res.headers.get('content-encoding')).toBe('br');
    const body = brotliDecompressSync(Buffer.from(await res.arrayBuffer())).toString();
    expect(body).toContain('<h1>Inicio</h1>');
    expect(res.headers.get('cache-control')).toBe('public, max-age=0, must-revalidate');
  });

  it('serves a clean URL from its .html file', async () => {
    const res = (await get('products/pan'))!;
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await res.text()).toBe('<h1>Pan</h1>');
  });

  it('redirects a URL with a trailing slash to the clean URL, keeping the query', async () => {
    const res = (await serve(
      new Request('http://shop.test/products/pan/?ref=mail'),
      join(root, 'current'),
      'products/pan/',
    ))!;
    expect(res.status).toBe(301);
    expect(res.headers.get('location')).toBe('http://shop.test/products/pan?ref=mail');
  });

  it("answers misses with the site's 404 page", async () => {
    const res = (await get('products/nada/'))!;
    expect(res.status).toBe(404);
    expect(await res.text()).toContain('No existe');
  });

  it('never leaves the site folder', async () => {
    for (const path of ['../secret.txt', '..%2Fsecret.txt', 'products/../../secret.txt']) {
      const res = await get(path);
      expect(await res?.text()).not.toContain('do not serve');
    }
  });

  it('caches hashed assets for a year and answers 304 to a matching ETag', async () => {
    const first = (await get('_astro/a.js'))!;
    expect(first.headers.get('cache-control')).toContain('immutable');
    const again = (await get('_astro/a.js', { 'if-none-match': first.headers.get('etag')! }))!;
    expect(again.status).toBe(304);
  });
});
