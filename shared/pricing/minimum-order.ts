/** Amount still missing to reach the shop's minimum order (goods, gross), or 0. */
export function missingForMinimum(subtotal: number, minimumOrder: number): number {
  return Math.max(0, minimumOrder - subtotal);
}
