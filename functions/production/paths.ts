/** Documents of native production, all under the shop. Ingredient stock lives in `stock/{sku}`. */
export const ingredientsCollection = (shopId: string) => `shops/${shopId}/ingredients`;
export const ingredientPath = (shopId: string, sku: string) =>
  `${ingredientsCollection(shopId)}/${sku}`;
export const recipesCollection = (shopId: string) => `shops/${shopId}/recipes`;
export const recipePath = (shopId: string, sku: string) => `${recipesCollection(shopId)}/${sku}`;
export const batchesCollection = (shopId: string) => `shops/${shopId}/batches`;
export const batchPath = (shopId: string, id: string) => `${batchesCollection(shopId)}/${id}`;
export const tasksCollection = (shopId: string) => `shops/${shopId}/productionTasks`;
export const taskPath = (shopId: string, id: string) => `${tasksCollection(shopId)}/${id}`;

/** Task ids join order and SKU, so creating a task twice collides instead of doubling. */
export const taskId = (orderId: string, sku: string) => `${orderId}:${sku}`;

/** `productId` of an ingredient's stock document: ingredients are not catalog products. */
export const INGREDIENT_PRODUCT_ID = 'ingredient';

export const PRODUCTION_EVENTS = {
  createTasks: 'production.create_tasks',
} as const;
