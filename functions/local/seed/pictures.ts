import type { LocalizedText } from '../../../shared/i18n/locale.ts';

/** One demo illustration: drawn by `draw-images.ts`, shipped as `images/{name}[-300].webp`. */
export interface Picture {
  name: string;
  style: 'loaf' | 'round' | 'pack' | 'landscape' | 'abstract' | 'object';
  palette: string[];
  seed: number;
}

const p = (name: string, style: Picture['style'], palette: string[], seed = 0): Picture => ({
  name,
  style,
  palette,
  seed,
});

export const DEMO_PICTURES: Picture[] = [
  p('buckwheat-loaf', 'loaf', ['#f3ead8', '#7a4b26', '#b98a5a']),
  p('rice-chia-sandwich', 'loaf', ['#e9eef2', '#c99a5b', '#f1dcb5']),
  p('baguette', 'loaf', ['#f6efe4', '#c7873f', '#eac48f']),
  p('teff-seed-loaf', 'loaf', ['#efe6db', '#5b3a21', '#a8875f']),
  p('lemon-muffins', 'pack', ['#fbf6d9', '#e6b54a', '#f7e08a']),
  p('almond-orange-cake', 'round', ['#fdf1e3', '#d08a3c', '#f2b66b']),
  p('oat-chocolate-cookies', 'round', ['#f1ebe4', '#a8743f', '#4a2d1a']),
  p('walnut-brownies', 'pack', ['#efe8e1', '#4a2c1d', '#6b4330']),
  p('cheesecake', 'round', ['#f7f1e6', '#f0dca8', '#c2562e']),
  p('croissants', 'pack', ['#fbf1e0', '#d7903f', '#eab46b']),
  p('tuna-empanada', 'round', ['#f4ede2', '#c98c3d', '#e7b565']),
  p('pizza-bases', 'round', ['#f5efe6', '#e9cf9c', '#f6e3bd']),
  p('roscon', 'round', ['#fdf3e7', '#d9974a', '#f4f0ea']),
  p('flour-mix', 'object', ['#eef1ea', '#ddd3c0', '#8aa06b']),
  p('sea-of-cadiz', 'landscape', ['#cfe3ee', '#f4d58d', '#3f7ea6', '#1d4e6f'], 1),
  p('olive-groves', 'landscape', ['#f0e6c8', '#e9a23b', '#7d8c4a', '#4b5a2a'], 2),
  p('cobalt-blue', 'abstract', ['#f2f0ea', '#1f4fa0', '#7fa7d9', '#0f2a57'], 3),
  p('alhambra-evening', 'landscape', ['#f6cfa4', '#e8704a', '#a0523d', '#5a2f2a'], 4),
  p('nocturne', 'landscape', ['#1b2440', '#e8e2c4', '#2f3b63', '#101628'], 5),
  p('salt-flats', 'abstract', ['#f7f4ef', '#e7c9c3', '#b7d3df', '#8a9ca6'], 6),
  p('sunflower-field', 'landscape', ['#bfdcef', '#f6c431', '#e2a91d', '#5f7d2b'], 7),
  p('mist', 'abstract', ['#e5e8ea', '#b8c2c8', '#d8dde0', '#8c979e'], 8),
  p('tide-original', 'abstract', ['#e8f1f1', '#2b7a78', '#3aafa9', '#17252a'], 9),
  p('postcard-set', 'object', ['#f3efe9', '#ffffff', '#3f7ea6']),
  p('calendar', 'object', ['#eef0f3', '#ffffff', '#e8704a']),
  p('tote-bag', 'object', ['#ece7df', '#d9c9ad', '#1f4fa0']),
  p('pet-portrait', 'abstract', ['#f5eee6', '#c98c3d', '#6b4330', '#2f3b63'], 10),
];

/** A product image record pointing at a shipped picture (copied to the shop's `media/`). */
export function demoImage(name: string, alt: LocalizedText) {
  return {
    src: `media/${name}.webp`,
    alt,
    width: 600,
    height: 600,
    srcset: [{ src: `media/${name}-300.webp`, width: 300 }],
  };
}
