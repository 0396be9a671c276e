import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCloudMediaStorage } from '../../functions/media/cloud-media.ts';
import { imageSize } from '../../functions/media/image-size.ts';

const SEED = join(import.meta.dirname, '../../functions/local/seed/images');

function png(width: number, height: number): Uint8Array {
  const b = Buffer.alloc(33);
  b.writeUInt32BE(0x89504e47, 0);
  b.writeUInt32BE(0x0d0a1a0a, 4);
  b.writeUInt32BE(13, 8);
  b.write('IHDR', 12, 'ascii');
  b.writeUInt32BE(width, 16);
  b.writeUInt32BE(height, 20);
  return b;
}

function jpeg(width: number, height: number): Uint8Array {
  const app0 = [0xff, 0xe0, 0x00, 0x10, ...Buffer.from('JFIF\0'), 1, 1, 0, 0, 1, 0, 1, 0, 0];
  const sof = [0xff, 0xc0, 0x00, 0x11, 8, height >> 8, height & 255, width >> 8, width & 255, 3];
  return Uint8Array.from([0xff, 0xd8, ...app0, ...sof, ...new Array(12).fill(0)]);
}

describe('media', () => {
  it('reads the size of WebP, PNG and JPEG from their headers and refuses anything else', () => {
    expect(imageSize(readFileSync(join(SEED, 'mist.webp')))).toEqual({
      type: 'webp',
      width: 600,
      height: 600,
    });
    expect(imageSize(png(1200, 800))).toEqual({ type: 'png', width: 1200, height: 800 });
    expect(imageSize(jpeg(640, 480))).toEqual({ type: 'jpg', width: 640, height: 480 });
    expect(
      imageSize(new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"/>')),
    ).toBeUndefined();
  });

  it('talks to the Cloud Storage JSON API with one cached metadata token', async () => {
    const calls: { url: string; method: string; auth?: string | null }[] = [];
    const objects = new Map<string, Uint8Array>();
    const fake = (async (url: string, init: RequestInit = {}) => {
      const headers = new Headers(init.headers);
      calls.push({ url, method: init.method ?? 'GET', auth: headers.get('authorization') });
      if (url.includes('metadata.google.internal')) {
        return Response.json({ access_token: 'tok-1', expires_in: 3600 });
      }
      const name = decodeURIComponent(
        /name=([^&]+)|\/o\/([^?]+)/.exec(url)!.slice(1).find(Boolean)!,
      );
      if (init.method === 'POST') objects.set(name, new Uint8Array(init.body as Uint8Array));
      if (init.method === 'DELETE') objects.delete(name);
      if (url.endsWith('alt=media')) {
        const body = objects.get(name);
        return body
          ? new Response(body as Uint8Array<ArrayBuffer>, {
              headers: { 'content-type': 'image/png' },
            })
          : new Response(null, { status: 404 });
      }
      return Response.json({});
    }) as typeof fetch;
    const media = createCloudMediaStorage({ bucket: 'konta-dev-konta-media', fetch: fake });

    await media.put('horno', 'pan.png', png(10, 10), 'image/png');
    expect((await media.get('horno', 'pan.png'))?.contentType).toBe('image/png');
    await media.delete('horno', 'pan.png');
    expect(await media.get('horno', 'pan.png')).toBeUndefined();

    expect(calls.filter((c) => c.url.includes('metadata')).length).toBe(1);
    expect(calls[1]).toMatchObject({
      method: 'POST',
      url: 'https://storage.googleapis.com/upload/storage/v1/b/konta-dev-konta-media/o?uploadType=media&name=horno%2Fpan.png',
      auth: 'Bearer tok-1',
    });
    await expect(media.put('horno', '../x.png', png(1, 1), 'image/png')).rejects.toThrow(
      /Invalid media name/,
    );
  });
});
