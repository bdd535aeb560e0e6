// A small typed event emitter: on, off, once, emit. A handler that throws is
// reported to the console and does not stop the other handlers.

export type Handler<T> = (event: T) => void;

/** Emitter dispatches named events with typed payloads. */
export class Emitter<M extends object> {
  private readonly handlers = new Map<keyof M, Set<Handler<never>>>();

  /** on adds handler for name and returns a function that removes it. */
  on<K extends keyof M>(name: K, handler: Handler<M[K]>): () => void {
    let set = this.handlers.get(name);
    if (!set) {
      set = new Set();
      this.handlers.set(name, set);
    }
    set.add(handler as Handler<never>);
    return () => this.off(name, handler);
  }

  /** once adds a handler that runs for the next event only. */
  once<K extends keyof M>(name: K, handler: Handler<M[K]>): () => void {
    const off = this.on(name, (e) => {
      off();
      handler(e);
    });
    return off;
  }

  /** off removes handler; without a handler it removes every handler of name. */
  off<K extends keyof M>(name: K, handler?: Handler<M[K]>): void {
    if (!handler) {
      this.handlers.delete(name);
      return;
    }
    this.handlers.get(name)?.delete(handler as Handler<never>);
  }

  /** emit calls every handler of name with event, in the order they were added. */
  emit<K extends keyof M>(name: K, event: M[K]): void {
    const set = this.handlers.get(name);
    if (!set) return;
    for (const h of [...set]) {
      try {
        (h as Handler<M[K]>)(event);
      } catch (err) {
        console.error(`intercom: "${String(name)}" handler threw`, err);
      }
    }
  }

  /** listenerCount returns how many handlers name has. */
  listenerCount(name: keyof M): number {
    return this.handlers.get(name)?.size ?? 0;
  }
}
