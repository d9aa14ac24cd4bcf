import type { ExecutionResult } from 'graphql';
import { compareCursors } from './cursor';

/**
 * One subscription of one socket: an async iterator graphql-ws pulls from (and awaits each send,
 * so a client that reads slowly stops the pulling). Events arrive pushed, in stream order; each
 * is kept only if it comes after the last one given, which makes the replay → live seam exact.
 * While replaying, live events are held back and released after the replay, in order.
 */
export class LiveSubscription implements AsyncIterableIterator<ExecutionResult> {
  private readonly queue: ExecutionResult[] = [];
  private held: { cursor: string; result: ExecutionResult }[] = [];
  private waiting: ((result: IteratorResult<ExecutionResult>) => void) | null = null;
  private failure: Error | null = null;
  private done = false;
  replaying: boolean;

  constructor(
    /** Events after this cursor only (the subscriber's `after`, or null for live from now). */
    private last: string | null,
    private readonly maxQueued: number,
    private readonly onOverflow: () => void,
    private readonly onEnd: () => void,
  ) {
    this.replaying = last !== null;
  }

  get lastCursor(): string | null {
    return this.last;
  }

  get queued(): number {
    return this.queue.length;
  }

  /** A live event: held while replaying, else given. */
  pushLive(cursor: string, result: ExecutionResult): void {
    if (this.done) return;
    if (this.replaying) this.held.push({ cursor, result });
    else this.give(cursor, result);
  }

  /** A replayed event. */
  pushReplayed(cursor: string, result: ExecutionResult): void {
    if (!this.done) this.give(cursor, result);
  }

  /** The replay reached the live stream: release what was held. */
  goLive(): void {
    this.replaying = false;
    const held = this.held;
    this.held = [];
    for (const { cursor, result } of held) this.give(cursor, result);
  }

  fail(error: Error): void {
    if (this.done) return;
    this.failure = error;
    this.flush();
  }

  private give(cursor: string, result: ExecutionResult): void {
    // After a failure nothing more is given: an event after the one that failed would otherwise be
    // read before the error and move the client's cursor past the gap.
    if (this.failure) return;
    if (this.last !== null && compareCursors(cursor, this.last) <= 0) return;
    this.last = cursor;
    if (this.waiting) {
      const resolve = this.waiting;
      this.waiting = null;
      resolve({ value: result, done: false });
      return;
    }
    this.queue.push(result);
    if (this.queue.length > this.maxQueued) this.onOverflow();
  }

  private flush(): void {
    if (this.waiting && this.failure) {
      // A rejected next() makes graphql-ws send an `error` message and end the subscription.
      const resolve = this.waiting;
      this.waiting = null;
      resolve(Promise.reject(this.failure) as never);
    }
  }

  next(): Promise<IteratorResult<ExecutionResult>> {
    const value = this.queue.shift();
    if (value) return Promise.resolve({ value, done: false });
    if (this.failure) return Promise.reject(this.failure);
    if (this.done) return Promise.resolve({ value: undefined, done: true });
    return new Promise((resolve) => {
      this.waiting = resolve;
    });
  }

  async return(): Promise<IteratorResult<ExecutionResult>> {
    this.end();
    return { value: undefined, done: true };
  }

  async throw(error: unknown): Promise<IteratorResult<ExecutionResult>> {
    this.end();
    throw error;
  }

  end(): void {
    if (this.done) return;
    this.done = true;
    this.queue.length = 0;
    this.held = [];
    this.waiting?.({ value: undefined, done: true });
    this.waiting = null;
    this.onEnd();
  }

  [Symbol.asyncIterator](): AsyncIterableIterator<ExecutionResult> {
    return this;
  }
}
