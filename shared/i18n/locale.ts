import { z } from 'zod';

export const LOCALES = ['es', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const Locale = z.enum(LOCALES);

/** A text in every language the shop uses; Spanish is required, English falls back to it. */
export const LocalizedText = z.object({
  es: z.string().max(20_000),
  en: z.string().max(20_000).optional(),
});
export type LocalizedText = z.infer<typeof LocalizedText>;

export function pick(text: LocalizedText | undefined, locale: Locale): string {
  if (!text) return '';
  return (locale === 'en' ? text.en : undefined) || text.es;
}
