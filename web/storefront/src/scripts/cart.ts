/** The cart lives in localStorage under `konta-cart-{shopId}` as `{ sku, quantity }[]`. */
export interface CartLine {
  sku: string;
  quantity: number;
}

export const MAX_QUANTITY = 99;

const shopId = (): string => document.body.dataset.shop ?? '';
const key = (): string => `konta-cart-${shopId()}`;

export function readCart(): CartLine[] {
  try {
    const lines = JSON.parse(localStorage.getItem(key()) ?? '[]') as CartLine[];
    return Array.isArray(lines)
      ? lines.filter(
          (l) => typeof l?.sku === 'string' && Number.isInteger(l.quantity) && l.quantity > 0,
        )
      : [];
  } catch {
    return [];
  }
}

export function writeCart(lines: CartLine[]): void {
  localStorage.setItem(key(), JSON.stringify(lines.filter((l) => l.quantity > 0)));
  showCount();
}

export function addToCart(sku: string, quantity: number): void {
  const lines = readCart();
  const line = lines.find((l) => l.sku === sku);
  if (line) line.quantity = Math.min(MAX_QUANTITY, line.quantity + quantity);
  else lines.push({ sku, quantity: Math.min(MAX_QUANTITY, quantity) });
  writeCart(lines);
}

export function showCount(): void {
  const count = readCart().reduce((n, l) => n + l.quantity, 0);
  for (const el of document.querySelectorAll<HTMLElement>('[data-cart-count]')) {
    el.textContent = `(${count})`;
  }
}

/** Prices as published; the checkout API prices the order again from the store. */
export interface PriceList {
  currency: string;
  items: Record<string, { t: [string, string]; v: string; p: number; u: [string, string] }>;
}

export async function loadPrices(): Promise<PriceList> {
  const base = document.body.dataset.base ?? '/';
  const res = await fetch(`${base}prices.json`);
  return (await res.json()) as PriceList;
}

export function formatter(currency: string): Intl.NumberFormat {
  const locale = document.documentElement.lang === 'en' ? 'en-IE' : 'es-ES';
  return new Intl.NumberFormat(locale, { style: 'currency', currency });
}
