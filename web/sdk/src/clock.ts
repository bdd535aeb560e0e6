// The time source the call engine takes by injection (Go: package clock), so ring,
// connect and disconnect timeouts can be unit-tested without waiting.

/** A scheduled call that can be cancelled. */
export interface Timer {
  /** stop prevents the call if it has not run yet. */
  stop(): void;
}

/** Clock tells the time and schedules work. */
export interface Clock {
  /** now returns milliseconds since the unix epoch. */
  now(): number;
  /** after calls fn once ms milliseconds have elapsed. */
  after(ms: number, fn: () => void): Timer;
}

/** realClock is the browser's (or Node's) wall clock. */
export const realClock: Clock = {
  now: () => Date.now(),
  after(ms, fn) {
    const h = setTimeout(fn, ms);
    return { stop: () => clearTimeout(h) };
  },
};
