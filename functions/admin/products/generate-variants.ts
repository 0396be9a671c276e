import type { Variant } from '../../../shared/catalog/product.ts';

export interface OptionValues {
  values: string[];
}

/** Every combination of option values, in option order: 2 × 2 values → 4 rows. */
export function combinations(options: readonly OptionValues[]): string[][] {
  return options.reduce<string[][]>(
    (rows, option) => rows.flatMap((row) => option.values.map((value) => [...row, value])),
    [[]],
  );
}

function skuPart(value: string): string {
  return value
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 12);
}

/**
 * Variants for every combination of option values. A combination that already has a variant
 * keeps it (its SKU, price and stock link); new ones get `basePrice` and a SKU built from the
 * prefix and the values (`PRINT-A4-OAK`).
 */
export function generateVariants(input: {
  options: readonly OptionValues[];
  existing?: readonly Variant[];
  basePrice: number;
  skuPrefix: string;
}): Variant[] {
  const byKey = new Map((input.existing ?? []).map((v) => [v.optionValues.join('\u0000'), v]));
  const used = new Set<string>();
  return combinations(input.options).map((values) => {
    const kept = byKey.get(values.join('\u0000'));
    if (kept) return kept;
    const base = [skuPart(input.skuPrefix) || 'SKU', ...values.map(skuPart)].join('-');
    let sku = base.slice(0, 60);
    for (let n = 2; used.has(sku); n += 1) sku = `${base.slice(0, 56)}-${n}`;
    used.add(sku);
    return { sku, optionValues: values, price: input.basePrice };
  });
}
