import type { DocData, DocSnapshot, Store } from '../store/port.ts';

const PAGE = 500;

export interface WalkOptions {
  /** Collection ids under a document; defaults to the store's own `listCollections`. */
  readonly listCollections?: (docPath?: string) => Promise<string[]>;
  /** Root collections to leave out when walking the whole store (`root` = ''). */
  readonly skipRootCollections?: readonly string[];
}

/** Every document of a collection, in pages by cursor (ordered by document id). */
async function* readCollection(store: Store, collection: string): AsyncGenerator<DocSnapshot> {
  let last: DocSnapshot | undefined;
  for (;;) {
    const page: DocSnapshot<DocData>[] = await store.query({
      collection,
      limit: PAGE,
      ...(last ? { startAfter: last } : {}),
    });
    yield* page;
    if (page.length < PAGE) return;
    last = page.at(-1);
  }
}

/**
 * Every document at or below `root` (a document path, or '' for the whole store), depth first:
 * the root document if it exists, then each collection under it and, recursively, under each
 * of its documents.
 * Limitation: like Firestore's document listing, a subcollection under a parent document that
 * does not exist is not reached; Kontá always writes the parent first.
 */
export async function* walkDocuments(
  store: Store,
  root: string,
  options: WalkOptions = {},
): AsyncGenerator<DocSnapshot> {
  const list = options.listCollections ?? ((path?: string) => store.listCollections(path));
  if (root) {
    const top = await store.get(root);
    if (top.exists) yield top;
  }

  const pending: string[] = [root];
  while (pending.length) {
    const docPath = pending.pop()!;
    const ids = docPath ? await list(docPath) : await list();
    const skip = docPath ? [] : (options.skipRootCollections ?? []);
    for (const id of ids.filter((i) => !skip.includes(i))) {
      const collection = docPath ? `${docPath}/${id}` : id;
      for await (const snap of readCollection(store, collection)) {
        yield snap;
        pending.push(snap.path);
      }
    }
  }
}
