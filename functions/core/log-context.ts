import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * Fields every log line written while handling one request carries, whichever logger writes
 * it (a use case logging through `deps.log` included). Set by the HTTP plumbing per request.
 */
const storage = new AsyncLocalStorage<Record<string, string>>();

export function runWithLogContext<T>(fields: Record<string, string>, fn: () => T): T {
  return storage.run(fields, fn);
}

export function currentLogContext(): Record<string, string> | undefined {
  return storage.getStore();
}
