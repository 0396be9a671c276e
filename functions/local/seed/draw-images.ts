/**
 * Draws the demo catalog's pictures as simple SVG illustrations and writes them as small WebP
 * files (600 px and 300 px) into `images/`. Run once by hand when a demo product changes:
 * `node functions/local/seed/draw-images.ts`. The output is committed; this script is not run
 * by `npm start`.
 */
import { mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import { DEMO_PICTURES, type Picture } from './pictures.ts';

const OUT = join(dirname(fileURLToPath(import.meta.url)), 'images');
const SIZE = 600;

function loaf(p: Picture): string {
  const [bg, crust, crumb] = p.palette;
  return `<rect width="600" height="600" fill="${bg}"/>
<ellipse cx="300" cy="470" rx="250" ry="40" fill="#000" opacity=".12"/>
<path d="M70 420 Q70 200 300 190 Q530 200 530 420 Z" fill="${crust}"/>
<path d="M150 300 l60 -50 M250 280 l60 -55 M350 285 l60 -50" stroke="${crumb}" stroke-width="18" stroke-linecap="round"/>`;
}

function round(p: Picture): string {
  const [bg, body, top] = p.palette;
  return `<rect width="600" height="600" fill="${bg}"/>
<ellipse cx="300" cy="480" rx="240" ry="36" fill="#000" opacity=".12"/>
<circle cx="300" cy="320" r="190" fill="${body}"/>
<circle cx="300" cy="320" r="120" fill="${top}" opacity=".8"/>
<circle cx="240" cy="270" r="18" fill="${bg}" opacity=".7"/><circle cx="360" cy="360" r="14" fill="${bg}" opacity=".7"/>`;
}

function pack(p: Picture): string {
  const [bg, body, top] = p.palette;
  const items = [0, 1, 2]
    .map(
      (i) => `<rect x="${90 + i * 150}" y="230" width="120" height="150" rx="26" fill="${body}"/>
<ellipse cx="${150 + i * 150}" cy="230" rx="72" ry="46" fill="${top}"/>`,
    )
    .join('');
  return `<rect width="600" height="600" fill="${bg}"/>
<rect x="60" y="390" width="480" height="40" rx="20" fill="#000" opacity=".12"/>${items}`;
}

function landscape(p: Picture): string {
  const [sky, sun, far, near] = p.palette;
  return `<rect width="600" height="600" fill="${sky}"/>
<circle cx="${150 + (p.seed % 5) * 60}" cy="${140 + (p.seed % 3) * 30}" r="70" fill="${sun}"/>
<path d="M0 360 Q150 ${280 + (p.seed % 4) * 20} 300 350 T600 330 V600 H0 Z" fill="${far}"/>
<path d="M0 450 Q200 ${390 + (p.seed % 5) * 12} 400 460 T600 440 V600 H0 Z" fill="${near}"/>`;
}

function abstract(p: Picture): string {
  const [bg, a, b, c] = p.palette;
  return `<rect width="600" height="600" fill="${bg}"/>
<rect x="60" y="70" width="${260 + (p.seed % 4) * 30}" height="300" fill="${a}"/>
<circle cx="400" cy="380" r="${120 + (p.seed % 3) * 20}" fill="${b}" opacity=".9"/>
<rect x="120" y="420" width="360" height="40" fill="${c}"/>`;
}

function objectShot(p: Picture): string {
  const [bg, a, b] = p.palette;
  return `<rect width="600" height="600" fill="${bg}"/>
<rect x="140" y="110" width="320" height="400" rx="8" fill="${a}"/>
<rect x="180" y="150" width="240" height="240" fill="${b}"/>
<rect x="180" y="420" width="240" height="20" fill="${b}" opacity=".6"/>`;
}

const DRAW = { loaf, round, pack, landscape, abstract, object: objectShot } as const;

async function main(): Promise<void> {
  await mkdir(OUT, { recursive: true });
  for (const picture of DEMO_PICTURES) {
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${SIZE}" height="${SIZE}" viewBox="0 0 600 600">${DRAW[picture.style](picture)}</svg>`;
    const image = sharp(Buffer.from(svg));
    await image
      .clone()
      .webp({ quality: 60 })
      .toFile(join(OUT, `${picture.name}.webp`));
    await image
      .clone()
      .resize(300)
      .webp({ quality: 60 })
      .toFile(join(OUT, `${picture.name}-300.webp`));
  }
  console.log(`drew ${DEMO_PICTURES.length} pictures into ${OUT}`);
}

await main();
