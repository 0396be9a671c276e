/** Decodes Stripe's form encoding (`line_items[0][price_data][currency]=eur`) into objects. */
export function decodeForm(body: string): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(body)) {
    const parts = key.replace(/\]/g, '').split('[');
    let node: Record<string, unknown> = root;
    parts.forEach((part, i) => {
      if (i === parts.length - 1) {
        node[part] = value;
        return;
      }
      node[part] ??= {};
      node = node[part] as Record<string, unknown>;
    });
  }
  return root;
}

/** `{ "0": a, "1": b }` → `[a, b]`, as Stripe's arrays arrive keyed by index. */
export function listOf(value: unknown): Record<string, unknown>[] {
  if (!value || typeof value !== 'object') return [];
  return Object.keys(value)
    .sort((a, b) => Number(a) - Number(b))
    .map((k) => (value as Record<string, Record<string, unknown>>)[k]!);
}
