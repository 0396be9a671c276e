import type { Deps } from '../../deps.ts';
import { tasksCollection } from '../paths.ts';
import { ProductionTask } from './task.ts';

/** Open (or done) tasks of a shop, oldest first: the maker's to-do list. */
export async function listTasks(
  deps: Deps,
  shopId: string,
  status: ProductionTask['status'],
): Promise<ProductionTask[]> {
  const snaps = await deps.store.query({
    collection: tasksCollection(shopId),
    where: [{ field: 'status', op: '==', value: status }],
    limit: 500,
  });
  return snaps
    .map((s) => ProductionTask.parse(s.data))
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt));
}
