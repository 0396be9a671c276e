import type { z } from 'zod';
import type { DocSnapshot } from '../store/port.ts';

const MAX_ENTRIES = 1000;
const cache = new Map<string, { updateTime: string; value: unknown }>();

/**
 * Validates a document once per version: the snapshot is always read fresh from the store,
 * and only the zod parse of an unchanged version (same `updateTime`) is reused. Checkout reads
 * the shop and its products on every request, and parsing them was a large share of its CPU.
 * The returned value is shared: callers must not mutate it.
 */
export function parseSnapshot<S extends z.ZodType>(
  schema: S,
  snap: DocSnapshot,
): z.infer<S> | undefined {
  if (!snap.exists || !snap.updateTime) return undefined;
  const key = `${schemaId(schema)}:${snap.path}`;
  const hit = cache.get(key);
  if (hit && hit.updateTime === snap.updateTime) return hit.value as z.infer<S>;

  const parsed = schema.safeParse(snap.data);
  if (!parsed.success) return undefined;
  if (cache.size >= MAX_ENTRIES) cache.clear();
  cache.set(key, { updateTime: snap.updateTime, value: parsed.data });
  return parsed.data;
}

const ids = new WeakMap<object, number>();
let nextId = 0;
function schemaId(schema: object): number {
  let id = ids.get(schema);
  if (id === undefined) {
    id = nextId++;
    ids.set(schema, id);
  }
  return id;
}
