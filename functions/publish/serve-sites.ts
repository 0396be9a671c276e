import { createHash } from 'node:crypto';
import { readFile, realpath, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.webp': 'image/webp',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
};
const COMPRESSIBLE = /^(text\/|application\/(json|xml)|image\/svg)/;

interface Cached {
  mtimeMs: number;
  body: Buffer;
  br: Buffer | undefined;
  gzip: Buffer | undefined;
  etag: string;
}

/**
 * Serves published static sites the way Hosting does: clean URLs to `.html` files, the
 * site's `404.html` for misses, brotli or gzip for text, long caching for hashed assets.
 * Compressed bodies are cached in memory per file and version (`mtime`).
 */
export function createSiteServer() {
  const cache = new Map<string, Cached>();

  async function load(file: string): Promise<Cached | undefined> {
    const info = await stat(file).catch(() => undefined);
    if (!info?.isFile()) return undefined;
    const hit = cache.get(file);
    if (hit && hit.mtimeMs === info.mtimeMs) return hit;
    const body = await readFile(file);
    const text = COMPRESSIBLE.test(TYPES[extname(file)] ?? '') && body.length > 256;
    const entry: Cached = {
      mtimeMs: info.mtimeMs,
      body,
      br: text
        ? brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 9 } })
        : undefined,
      gzip: text ? gzipSync(body, { level: 9 }) : undefined,
      etag: `"${createHash('sha1').update(body).digest('base64url').slice(0, 16)}"`,
    };
    cache.set(file, entry);
    return entry;
  }

  function respond(request: Request, file: string, entry: Cached, status = 200): Response {
    const headers = new Headers({
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'cache-control': cacheControl(file),
      etag: entry.etag,
      vary: 'accept-encoding',
      'x-content-type-options': 'nosniff',
    });
    if (status === 200 && request.headers.get('if-none-match') === entry.etag) {
      return new Response(null, { status: 304, headers });
    }
    const accept = request.headers.get('accept-encoding') ?? '';
    let body = entry.body;
    if (entry.br && /\bbr\b/.test(accept)) {
      body = entry.br;
      headers.set('content-encoding', 'br');
    } else if (entry.gzip && /\bgzip\b/.test(accept)) {
      body = entry.gzip;
      headers.set('content-encoding', 'gzip');
    }
    headers.set('content-length', String(body.length));
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), {
      status,
      headers,
    });
  }

  /**
   * Answers a request for `relPath` inside the site folder `siteRoot` (symlinks resolved once
   * per request, so a swap mid-request cannot mix builds), or `undefined` when there is none.
   */
  return async function serveSite(
    request: Request,
    siteRoot: string,
    relPath: string,
  ): Promise<Response | undefined> {
    const root = await realpath(siteRoot).catch(() => undefined);
    if (!root) return undefined;

    const clean = normalize(decodeURIComponent(relPath)).replace(/^(\.\.(\/|\\|$))+/, '');
    const target = join(root, clean);
    if (target !== root && !target.startsWith(root + sep)) return undefined;

    // Clean URLs as Hosting serves them with `cleanUrls: true, trailingSlash: false`
    // (firebase.json): `/products/pan` is `products/pan.html`, and `/products/pan/` (an older
    // link or a typed URL) redirects there.
    const atRoot = clean === '' || clean === '.' || clean === '/';
    if (!atRoot && relPath.endsWith('/')) {
      const bare = target.replace(/[/\\]+$/, '');
      if ((await load(`${bare}.html`)) || (await load(join(bare, 'index.html')))) {
        const url = new URL(request.url);
        return Response.redirect(
          `${url.origin}${url.pathname.replace(/\/+$/, '')}${url.search}`,
          301,
        );
      }
    }
    const candidates = atRoot
      ? [join(target, 'index.html')]
      : [target, `${target}.html`, join(target, 'index.html')];
    for (const file of candidates) {
      const entry = await load(file);
      if (entry) return respond(request, file, entry);
    }
    const missing = await load(join(root, '404.html'));
    if (missing) return respond(request, join(root, '404.html'), missing, 404);
    return new Response('Not found', { status: 404 });
  };
}

function cacheControl(file: string): string {
  if (file.includes(`${sep}_astro${sep}`)) return 'public, max-age=31536000, immutable';
  if (file.includes(`${sep}media${sep}`)) return 'public, max-age=86400';
  if (file.endsWith('.html')) return 'public, max-age=0, must-revalidate';
  return 'public, max-age=300';
}
