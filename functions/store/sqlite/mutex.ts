/** A FIFO async mutex: one holder at a time, in the order they asked. */
export class Mutex {
  #tail: Promise<unknown> = Promise.resolve();

  run<T>(body: () => Promise<T> | T): Promise<T> {
    const result = this.#tail.then(body);
    this.#tail = result.catch(() => undefined);
    return result;
  }
}
