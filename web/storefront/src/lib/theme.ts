/** Relative luminance contrast (WCAG 2) between two `#rrggbb` colours. */
function luminance(hex: string): number {
  const channels = [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16) / 255);
  const [r, g, b] = channels.map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

export function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

/** Black or white, whichever reads better on `background` (buttons, header). */
export function textOn(background: string): string {
  return contrast(background, '#ffffff') >= contrast(background, '#111111') ? '#ffffff' : '#111111';
}

/**
 * The theme's primary colour when it reads on white at 4.5:1 (WCAG AA for body text), else a
 * dark fallback, so a merchant's pale brand colour never makes links unreadable.
 */
export function linkColour(primary: string): string {
  return contrast(primary, '#ffffff') >= 4.5 ? primary : '#1a1a1a';
}

const themeCache = new Map<string, string>();

/** The theme's custom properties; every page of a build asks for the same ones. */
export function themeCss(theme: { primaryColor: string; accentColor: string }): string {
  const key = `${theme.primaryColor} ${theme.accentColor}`;
  let css = themeCache.get(key);
  if (css === undefined) {
    const primary = linkColour(theme.primaryColor);
    const accent = theme.accentColor;
    css = `:root{--p:${primary};--on-p:${textOn(primary)};--a:${accent};--on-a:${textOn(accent)}}`;
    themeCache.set(key, css);
  }
  return css;
}
