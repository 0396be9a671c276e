import { AppError } from '../../core/errors.ts';
import type { Deps } from '../../deps.ts';
import { ledgerId } from '../../inventory/ledger.ts';
import { batchPath, recipePath } from '../paths.ts';
import { Recipe } from '../recipes/recipe.ts';
import type { Batch } from './batch.ts';

/** Plans a run of `batches` times the SKU's recipe. */
export async function planBatch(
  deps: Deps,
  shopId: string,
  input: { sku: string; batches: number; who: string },
): Promise<Batch> {
  const snap = await deps.store.get(recipePath(shopId, input.sku));
  if (!snap.exists) {
    throw new AppError('not_found', {
      message: `There is no recipe for ${input.sku}.`,
      hint: 'Write the recipe first: which ingredients one batch takes and how many it yields.',
    });
  }
  const recipe = Recipe.parse(snap.data);
  const now = deps.clock.now();
  const batch: Batch = {
    id: ledgerId(now),
    sku: input.sku,
    batches: input.batches,
    quantity: recipe.yield * input.batches,
    status: 'planned',
    plannedAt: now.toISOString(),
    plannedBy: input.who,
  };
  await deps.store.create(batchPath(shopId, batch.id), batch);
  return batch;
}
