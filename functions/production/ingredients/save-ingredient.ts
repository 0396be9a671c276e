import { AppError } from '../../core/errors.ts';
import type { Deps } from '../../deps.ts';
import { adjustStock } from '../../inventory/adjust-stock.ts';
import { StockDoc, stockPath } from '../../inventory/stock.ts';
import { INGREDIENT_PRODUCT_ID, ingredientPath } from '../paths.ts';
import { type Ingredient, IngredientInput } from './ingredient.ts';

/**
 * Creates or updates an ingredient and makes sure it has a stock document. A SKU the catalog
 * already sells cannot become an ingredient.
 */
export async function saveIngredient(
  deps: Deps,
  shopId: string,
  sku: string,
  raw: IngredientInput,
  /** `create` refuses an existing ingredient, `update` a missing one. */
  mode: 'create' | 'update' | 'upsert' = 'upsert',
): Promise<Ingredient> {
  const input = IngredientInput.parse(raw);
  const now = deps.clock.now().toISOString();

  return deps.store.runTransaction(async (tx) => {
    const [current, stock] = await tx.getAll([ingredientPath(shopId, sku), stockPath(shopId, sku)]);
    if (mode === 'update' && !current!.exists) {
      throw new AppError('not_found', { message: `There is no ingredient ${sku}.` });
    }
    if (mode === 'create' && current!.exists) {
      throw new AppError('already_exists', { message: `Ingredient ${sku} already exists.` });
    }
    const stockDoc = stock!.exists ? StockDoc.parse(stock!.data) : undefined;
    if (stockDoc && stockDoc.productId !== INGREDIENT_PRODUCT_ID) {
      throw new AppError('conflict', {
        message: `SKU ${sku} is a product of the catalog, not an ingredient.`,
        hint: 'Give the ingredient its own SKU, e.g. ING-FLOUR.',
      });
    }
    const { reorderPoint, ...fields } = input;
    const ingredient: Ingredient = {
      ...fields,
      sku,
      kind: 'ingredient',
      createdAt: current!.exists ? String(current!.data?.createdAt) : now,
      updatedAt: now,
    };
    tx.set(ingredientPath(shopId, sku), ingredient);
    const keep = reorderPoint ?? stockDoc?.reorderPoint;
    tx.set(stockPath(shopId, sku), {
      ...(stockDoc ?? {
        sku,
        productId: INGREDIENT_PRODUCT_ID,
        available: 0,
        reserved: 0,
        sold: 0,
      }),
      updatedAt: now,
      ...(keep !== undefined ? { reorderPoint: keep } : {}),
    });
    return ingredient;
  });
}

/** A delivery from the supplier (or a recount): adds to the ingredient's stock with a ledger line. */
export async function receiveIngredient(
  deps: Deps,
  shopId: string,
  sku: string,
  quantity: number,
  who: string,
  note = 'received',
): Promise<void> {
  const snap = await deps.store.get(ingredientPath(shopId, sku));
  if (!snap.exists) throw new AppError('not_found', { message: `There is no ingredient ${sku}.` });
  await deps.store.runTransaction((tx) =>
    adjustStock(
      tx,
      [
        {
          shopId,
          sku,
          productId: INGREDIENT_PRODUCT_ID,
          delta: quantity,
          reason: 'adjustment',
          who,
          why: note,
        },
      ],
      deps.clock.now(),
    ),
  );
}
