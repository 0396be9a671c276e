import { shopOfPath } from './paths.ts';
import type { OperationCounts, StoreMeter } from './port.ts';

export class CountingMeter implements StoreMeter {
  #counts = new Map<string, OperationCounts>();

  #entry(path: string): OperationCounts {
    const shop = shopOfPath(path);
    let entry = this.#counts.get(shop);
    if (!entry) {
      entry = { reads: 0, writes: 0, deletes: 0 };
      this.#counts.set(shop, entry);
    }
    return entry;
  }

  /** A query is billed at least one read even when it matches nothing. */
  read(path: string, documents = 1): void {
    this.#entry(path).reads += Math.max(1, documents);
  }

  write(path: string): void {
    this.#entry(path).writes += 1;
  }

  delete(path: string): void {
    this.#entry(path).deletes += 1;
  }

  snapshot(): Record<string, OperationCounts> {
    return Object.fromEntries([...this.#counts].map(([shop, c]) => [shop, { ...c }]));
  }

  reset(): void {
    this.#counts.clear();
  }
}
