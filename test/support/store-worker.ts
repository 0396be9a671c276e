/**
 * A separate OS process hammering one SQLite file with transactions, for the multi-process
 * contention test and the store bench. Usage:
 *   node store-worker.ts <file> <increment|decrement> <count> <docPath>
 * Prints one JSON line: { successes, ms }.
 */
import { SqliteStore } from '../../functions/store/sqlite/sqlite-store.ts';

const [file, mode, countArg, path] = process.argv.slice(2);
if (!file || !path || (mode !== 'increment' && mode !== 'decrement')) {
  console.error('usage: store-worker.ts <file> <increment|decrement> <count> <docPath>');
  process.exit(2);
}

const store = new SqliteStore({ file, busyTimeoutMs: 10_000 });
const count = Number(countArg);
let successes = 0;
const started = performance.now();

for (let i = 0; i < count; i++) {
  const changed = await store.runTransaction(
    async (tx) => {
      const snap = await tx.get<{ value: number }>(path);
      const value = snap.data?.value ?? 0;
      if (mode === 'decrement' && value <= 0) return false;
      tx.set(path, { value: mode === 'increment' ? value + 1 : value - 1 });
      return true;
    },
    { maxAttempts: 50 },
  );
  if (changed) successes += 1;
}

console.log(JSON.stringify({ successes, ms: performance.now() - started }));
await store.close();
