export type Handler<T> = (event: T) => void;
/** Emitter dispatches named events with typed payloads. */
export declare class Emitter<M extends object> {
    private readonly handlers;
    /** on adds handler for name and returns a function that removes it. */
    on<K extends keyof M>(name: K, handler: Handler<M[K]>): () => void;
    /** once adds a handler that runs for the next event only. */
    once<K extends keyof M>(name: K, handler: Handler<M[K]>): () => void;
    /** off removes handler; without a handler it removes every handler of name. */
    off<K extends keyof M>(name: K, handler?: Handler<M[K]>): void;
    /** emit calls every handler of name with event, in the order they were added. */
    emit<K extends keyof M>(name: K, event: M[K]): void;
    /** listenerCount returns how many handlers name has. */
    listenerCount(name: keyof M): number;
}
