import { api } from '../api.ts';

export interface IngredientRow {
  sku: string;
  name: string;
  unit: 'g' | 'ml' | 'unit';
  available: number;
  reorderPoint?: number;
  reorderQuantity?: number;
  purchaseRequests: boolean;
  supplier?: { name: string; email: string; locale: 'es' | 'en' };
}
export interface Recipe {
  sku: string;
  yield: number;
  ingredients: { sku: string; quantity: number }[];
  notes?: string;
}
export interface CanMake {
  sku: string;
  batches: number;
  units: number;
  limitedBy: string;
}
export interface Batch {
  id: string;
  sku: string;
  batches: number;
  quantity: number;
  status: 'planned' | 'done' | 'cancelled';
  plannedAt: string;
}
export interface Task {
  id: string;
  orderNumber: string;
  sku: string;
  title: string;
  quantity: number;
  dueDate?: string;
}
interface Level {
  sku: string;
  product: string;
  variant: string;
  available: number;
  reorderPoint: number | null;
}

/** Everything the production screen shows, read in parallel. */
export interface ProductionData {
  ingredients: IngredientRow[];
  recipes: Recipe[];
  /** Catalog SKUs (finished goods) a recipe can make. */
  finished: Level[];
  canMake: CanMake[];
  batches: Batch[];
  tasks: Task[];
}

export async function loadProductionData(): Promise<ProductionData> {
  const [ingredients, recipes, levels, canMake, batches, tasks] = await Promise.all([
    api<{ ingredients: IngredientRow[] }>('GET', '/production/ingredients'),
    api<{ recipes: Recipe[] }>('GET', '/production/recipes'),
    api<{ levels: Level[] }>('GET', '/inventory'),
    api<{ canMake: CanMake[] }>('GET', '/production/can-make'),
    api<{ batches: Batch[] }>('GET', '/production/batches'),
    api<{ tasks: Task[] }>('GET', '/production/tasks?status=open'),
  ]);
  const isIngredient = new Set(ingredients.ingredients.map((i) => i.sku));
  return {
    ingredients: ingredients.ingredients,
    recipes: recipes.recipes,
    finished: levels.levels.filter((l) => !isIngredient.has(l.sku)),
    canMake: canMake.canMake,
    batches: batches.batches,
    tasks: tasks.tasks,
  };
}

/** A section that re-draws itself from fresh data; forms keep what was typed. */
export interface ProductionSection {
  el: HTMLElement;
  update(data: ProductionData): void;
}
