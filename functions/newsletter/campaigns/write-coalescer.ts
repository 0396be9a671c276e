import type { DocData, DocPatch, Store } from '../../store/port.ts';
import { MAX_BATCH_WRITES } from '../../store/port.ts';

type Op =
  | { kind: 'create'; path: string; data: DocData }
  | { kind: 'update'; path: string; patch: DocPatch }
  | { kind: 'delete'; path: string };

interface Pending {
  op: Op;
  resolve: () => void;
  reject: (error: unknown) => void;
}

export interface WriteCoalescer {
  /** Resolves once the write is committed (durable before the caller goes on). */
  write(op: Op): Promise<void>;
}

/**
 * Groups the single-document writes that concurrent senders issue in the same turn of the
 * event loop into one batch commit: one SQLite commit (or Firestore batch RPC) for up to
 * `concurrency` recipients instead of one each. Each caller still waits for its own write. If
 * a batch fails (e.g. one claim already exists), its writes are retried one by one so only
 * the offending write fails.
 */
export function createWriteCoalescer(store: Store): WriteCoalescer {
  const queue: Pending[] = [];
  let scheduled = false;

  async function apply(op: Op, batch = store.batch()) {
    if (op.kind === 'create') batch.create(op.path, op.data);
    else if (op.kind === 'update') batch.update(op.path, op.patch);
    else batch.delete(op.path);
    return batch;
  }

  async function flush(): Promise<void> {
    scheduled = false;
    const taken = queue.splice(0, MAX_BATCH_WRITES);
    if (queue.length > 0) schedule();
    try {
      const batch = store.batch();
      for (const p of taken) await apply(p.op, batch);
      await batch.commit();
      for (const p of taken) p.resolve();
    } catch {
      for (const p of taken) {
        try {
          await (await apply(p.op)).commit();
          p.resolve();
        } catch (error) {
          p.reject(error);
        }
      }
    }
  }

  function schedule(): void {
    if (scheduled) return;
    scheduled = true;
    setImmediate(() => void flush());
  }

  return {
    write(op) {
      return new Promise<void>((resolve, reject) => {
        queue.push({ op, resolve, reject });
        schedule();
      });
    },
  };
}
