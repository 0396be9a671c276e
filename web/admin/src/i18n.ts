import { EN } from './strings/en.ts';
import { ES } from './strings/es.ts';

export type Key = keyof typeof ES;

export type Locale = 'es' | 'en';

export function locale(): Locale {
  const saved = localStorage.getItem('konta.admin.locale');
  return saved === 'en' ? 'en' : 'es';
}

export function setLocale(next: Locale): void {
  localStorage.setItem('konta.admin.locale', next);
}

export function t(key: Key, vars: Record<string, string | number> = {}): string {
  const text = (locale() === 'en' ? EN : ES)[key];
  return text.replace(/\{(\w+)\}/g, (_, name: string) => String(vars[name] ?? ''));
}

export function money(cents: number): string {
  return new Intl.NumberFormat(locale() === 'en' ? 'en-IE' : 'es-ES', {
    style: 'currency',
    currency: 'EUR',
  }).format(cents / 100);
}

export function dateTime(iso: string): string {
  return new Intl.DateTimeFormat(locale() === 'en' ? 'en-GB' : 'es-ES', {
    dateStyle: 'medium',
    timeStyle: 'short',
  }).format(new Date(iso));
}

/** "12,50" or "12.5" → 1250 cents; undefined when not a price. */
export function parseEuros(text: string): number | undefined {
  const m = /^\s*(\d{1,7})(?:[.,](\d{1,2}))?\s*$/.exec(text);
  if (!m) return undefined;
  return Number(m[1]) * 100 + Number((m[2] ?? '0').padEnd(2, '0'));
}

export function euros(cents: number | undefined): string {
  return cents === undefined ? '' : (cents / 100).toFixed(2);
}
