import { AppError } from '../../core/errors.ts';
import type { Deps } from '../../deps.ts';
import { applyStockMoves, loadStock, type StockMove } from '../../inventory/stock-moves.ts';
import { Ingredient } from '../ingredients/ingredient.ts';
import { batchPath, ingredientPath, recipePath } from '../paths.ts';
import { Recipe } from '../recipes/recipe.ts';
import { Batch, type Shortage } from './batch.ts';

export type CompleteBatchResult =
  | { ok: true; batch: Batch }
  | { ok: false; batch: Batch; missing: Shortage[] };

/**
 * Completes a planned batch in ONE transaction: every ingredient's stock goes down by the
 * recipe quantity times the batches, the finished SKU's goes up by the yield, with one
 * `production` ledger entry each. If any ingredient falls short nothing is written and the
 * shortages are returned. Completing a done batch again changes nothing.
 */
export async function completeBatch(
  deps: Deps,
  shopId: string,
  batchId: string,
  who: string,
): Promise<CompleteBatchResult> {
  const now = deps.clock.now();
  return deps.store.runTransaction(async (tx) => {
    const batchSnap = await tx.get(batchPath(shopId, batchId));
    if (!batchSnap.exists) {
      throw new AppError('not_found', { message: `There is no batch ${batchId}.` });
    }
    const batch = Batch.parse(batchSnap.data);
    if (batch.status === 'done') return { ok: true, batch };
    if (batch.status !== 'planned') {
      throw new AppError('invalid_transition', { message: `Batch ${batchId} was cancelled.` });
    }
    const recipe = Recipe.parse((await tx.get(recipePath(shopId, batch.sku))).data);
    const needs = recipe.ingredients.map((i) => ({
      sku: i.sku,
      quantity: i.quantity * batch.batches,
    }));
    const ingredientSnaps = await tx.getAll(needs.map((n) => ingredientPath(shopId, n.sku)));
    const stock = await loadStock(tx, shopId, [...needs.map((n) => n.sku), batch.sku]);

    const missing: Shortage[] = [];
    needs.forEach((need, i) => {
      const available = stock.get(need.sku)?.doc?.available ?? 0;
      if (available >= need.quantity) return;
      const ingredient = Ingredient.safeParse(ingredientSnaps[i]!.data);
      missing.push({
        sku: need.sku,
        name: ingredient.success ? ingredient.data.name : need.sku,
        unit: ingredient.success ? ingredient.data.unit : 'unit',
        needed: need.quantity,
        available,
        short: need.quantity - available,
      });
    });
    if (missing.length > 0) return { ok: false, batch, missing };

    const finished = stock.get(batch.sku)!;
    finished.doc ??= {
      sku: batch.sku,
      productId: recipe.productId,
      available: 0,
      reserved: 0,
      sold: 0,
      updatedAt: now.toISOString(),
    };
    const moves: StockMove[] = [
      ...needs.map((n) => ({
        kind: 'adjust' as const,
        sku: n.sku,
        delta: -n.quantity,
        reason: 'production' as const,
      })),
      { kind: 'adjust', sku: batch.sku, delta: batch.quantity, reason: 'production' },
    ];
    applyStockMoves(tx, stock, moves, { shopId, who, why: `batch ${batch.id}`, now });
    const done: Batch = {
      ...batch,
      status: 'done',
      doneAt: now.toISOString(),
      doneBy: who,
      consumed: needs,
    };
    tx.set(batchPath(shopId, batch.id), done);
    return { ok: true, batch: done };
  });
}

/** The HTTP face of a refused batch: 409 listing what is missing. */
export function missingIngredientsError(missing: Shortage[]): AppError {
  const list = missing.map((m) => `${m.name} (${m.sku}): ${m.short} ${m.unit} short`).join('; ');
  return new AppError('missing_ingredients', {
    message: `Not enough ingredients for this batch: ${list}.`,
    hint: 'Receive the missing ingredients or plan fewer batches.',
    details: { missing },
  });
}
