import { AppError } from '../core/errors.ts';

let compile:
  | ((mjml: string, options?: object) => Promise<{ html: string; errors: unknown[] }>)
  | undefined;
let compiles = 0;

/** Compiles MJML to HTML. mjml is loaded on first use (it costs ~100 ms to import). */
export async function renderMjml(mjml: string): Promise<string> {
  if (!compile) {
    const mod = await import('mjml');
    compile = (mod.default ?? mod) as unknown as typeof compile;
  }
  compiles += 1;
  const result = await compile!(mjml, { validationLevel: 'soft', keepComments: false });
  if (result.errors.length > 0 && !result.html) {
    throw new AppError('internal', { message: 'An email template did not compile.' });
  }
  return result.html;
}

/** How many MJML compiles this process did (benchmarks assert it stays per-campaign). */
export function mjmlCompileCount(): number {
  return compiles;
}

/** Escapes text for interpolation into MJML/HTML templates. */
export function escapeHtml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}
