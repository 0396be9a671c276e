import type { Hono } from 'hono';
import { z } from 'zod';
import { Sku } from '../../shared/catalog/product.ts';
import { AppError } from '../core/errors.ts';
import type { Deps } from '../deps.ts';
import { parseWith, readJson, readQuery } from '../http/body.ts';
import type { AppEnv } from '../http/types.ts';
import { StockDoc, stockPath } from '../inventory/stock.ts';
import { Batch } from './batches/batch.ts';
import { completeBatch, missingIngredientsError } from './batches/complete-batch.ts';
import { planBatch } from './batches/plan-batch.ts';
import { whatCanIMake } from './batches/what-can-i-make.ts';
import { Ingredient, IngredientInput } from './ingredients/ingredient.ts';
import { receiveIngredient, saveIngredient } from './ingredients/save-ingredient.ts';
import {
  batchesCollection,
  batchPath,
  ingredientPath,
  ingredientsCollection,
  recipesCollection,
} from './paths.ts';
import { Recipe, RecipeInput } from './recipes/recipe.ts';
import { saveRecipe } from './recipes/save-recipe.ts';
import { completeTask } from './tasks/complete-tasks.ts';
import { listTasks } from './tasks/list-tasks.ts';

const BatchBody = z.object({
  sku: Sku,
  batches: z.number().int().min(1).max(1000).default(1),
  /** Plan and complete at once ("I just baked this"). */
  complete: z.boolean().default(false),
});
const ReceiveBody = z.object({
  quantity: z.number().int().min(1).max(100_000_000),
  note: z.string().max(200).optional(),
});
const ReorderBody = z.object({ reorderPoint: z.number().int().min(0).max(100_000_000).nullable() });
const TaskQuery = z.object({ status: z.enum(['open', 'done']).default('open') });

const skuParam = (value: string) => parseWith(Sku, value, 'SKU in the path');

/** `/api/admin/production/*`: ingredients, recipes, batches, made-to-order tasks, reorder points. */
export function registerProductionAdminRoutes(app: Hono<AppEnv>, deps: Deps): void {
  const base = '/api/admin/production';
  const who = (c: { get(k: 'member'): { userId: string } }) => c.get('member').userId;

  app.get(`${base}/ingredients`, async (c) => {
    const shopId = c.get('member').shopId;
    const snaps = await deps.store.query({
      collection: ingredientsCollection(shopId),
      limit: 1000,
    });
    const ingredients = snaps.map((s) => Ingredient.parse(s.data));
    const stock = await deps.store.getAll(ingredients.map((i) => stockPath(shopId, i.sku)));
    return c.json({
      ingredients: ingredients.map((i, n) => {
        const doc = StockDoc.safeParse(stock[n]!.data);
        return {
          ...i,
          available: doc.success ? doc.data.available : 0,
          reorderPoint: doc.data?.reorderPoint,
        };
      }),
    });
  });

  app.post(`${base}/ingredients`, async (c) => {
    const { sku, ...body } = await readJson(c, IngredientInput.extend({ sku: Sku }));
    const ingredient = await saveIngredient(deps, c.get('member').shopId, sku, body, 'create');
    return c.json({ ingredient }, 201);
  });

  app.put(`${base}/ingredients/:sku`, async (c) => {
    const shopId = c.get('member').shopId;
    const sku = skuParam(c.req.param('sku'));
    await requireDoc(deps, ingredientPath(shopId, sku), `There is no ingredient ${sku}.`);
    const body = await readJson(c, IngredientInput);
    const ingredient = await saveIngredient(deps, shopId, sku, body, 'update');
    return c.json({ ingredient });
  });

  app.post(`${base}/ingredients/:sku/receive`, async (c) => {
    const body = await readJson(c, ReceiveBody);
    const shopId = c.get('member').shopId;
    const sku = skuParam(c.req.param('sku'));
    await receiveIngredient(deps, shopId, sku, body.quantity, who(c), body.note ?? 'received');
    const doc = StockDoc.parse((await deps.store.get(stockPath(shopId, sku))).data);
    return c.json({ sku, available: doc.available });
  });

  app.get(`${base}/recipes`, async (c) => {
    const snaps = await deps.store.query({
      collection: recipesCollection(c.get('member').shopId),
      limit: 500,
    });
    return c.json({ recipes: snaps.map((s) => Recipe.parse(s.data)) });
  });

  app.put(`${base}/recipes/:sku`, async (c) => {
    const sku = skuParam(c.req.param('sku'));
    await requireDoc(deps, stockPath(c.get('member').shopId, sku), `There is no SKU ${sku}.`);
    const body = await readJson(c, RecipeInput);
    const recipe = await saveRecipe(deps, c.get('member').shopId, sku, body);
    return c.json({ recipe });
  });

  app.get(`${base}/can-make`, async (c) => {
    return c.json({ canMake: await whatCanIMake(deps, c.get('member').shopId) });
  });

  app.get(`${base}/batches`, async (c) => {
    const snaps = await deps.store.query({
      collection: batchesCollection(c.get('member').shopId),
      orderBy: [{ field: 'plannedAt', direction: 'desc' }],
      limit: 200,
    });
    return c.json({ batches: snaps.map((s) => Batch.parse(s.data)) });
  });

  app.post(`${base}/batches`, async (c) => {
    const body = await readJson(c, BatchBody);
    const shopId = c.get('member').shopId;
    const batch = await planBatch(deps, shopId, {
      sku: body.sku,
      batches: body.batches,
      who: who(c),
    });
    if (!body.complete) return c.json({ batch }, 201);
    const result = await completeBatch(deps, shopId, batch.id, who(c));
    if (!result.ok) {
      // "I just baked this" failed as a whole: no planned run is left behind.
      await deps.store.delete(batchPath(shopId, batch.id));
      throw missingIngredientsError(result.missing);
    }
    return c.json({ batch: result.batch }, 201);
  });

  app.post(`${base}/batches/:id/complete`, async (c) => {
    const id = c.req.param('id');
    if (!/^[a-z0-9-]{1,40}$/.test(id)) throw new AppError('not_found');
    const result = await completeBatch(deps, c.get('member').shopId, id, who(c));
    if (!result.ok) throw missingIngredientsError(result.missing);
    return c.json({ batch: result.batch });
  });

  app.get(`${base}/tasks`, async (c) => {
    const { status } = readQuery(c, TaskQuery);
    return c.json({ tasks: await listTasks(deps, c.get('member').shopId, status) });
  });

  app.post(`${base}/tasks/:id/done`, async (c) => {
    const id = c.req.param('id');
    if (!/^[A-Za-z0-9_\-.:@+]{1,200}$/.test(id)) throw new AppError('not_found');
    return c.json(await completeTask(deps, c.get('member').shopId, id, who(c)));
  });

  app.put(`${base}/reorder-points/:sku`, async (c) => {
    const shopId = c.get('member').shopId;
    const sku = skuParam(c.req.param('sku'));
    await requireDoc(deps, stockPath(shopId, sku), `There is no stock for SKU ${sku}.`);
    const { reorderPoint } = await readJson(c, ReorderBody);
    await deps.store.runTransaction(async (tx) => {
      const snap = await tx.get(stockPath(shopId, sku));
      if (!snap.exists)
        throw new AppError('not_found', { message: `There is no stock for SKU ${sku}.` });
      const { reorderPoint: _old, ...doc } = StockDoc.parse(snap.data);
      tx.set(stockPath(shopId, sku), reorderPoint === null ? doc : { ...doc, reorderPoint });
    });
    return c.json({ sku, reorderPoint });
  });
}

/** Id routes answer 404 for a document this shop lacks before looking at the body. */
async function requireDoc(deps: Deps, path: string, message: string): Promise<void> {
  if (!(await deps.store.get(path)).exists) throw new AppError('not_found', { message });
}
