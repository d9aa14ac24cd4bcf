/**
 * What a subgraph takes for "now" in its rules (a redemption's day, a month that has ended, a
 * programme's last day). A production build has none: managers read the system time, or
 * PostgreSQL's inside a transaction. The test hub builds its subgraphs with a settable clock so a
 * suite can redeem, close a month or expire a programme at another date through the API. The clock
 * is an object of the process that builds the subgraph: no request, header or token can move it.
 */
export interface Clock {
  /** The injected time, or undefined for the real time (managers' defaults then apply). */
  now(): Date | undefined;
}

/** Production: never injects a time. */
export const realTime: Clock = { now: () => undefined };

/** A clock a test sets and resets; unset, it is the real time. */
export class SettableClock implements Clock {
  private at: Date | undefined;

  now(): Date | undefined {
    return this.at;
  }

  /** From now on, every rule of the subgraphs built with this clock reads `at` as the time. */
  set(at: Date): void {
    this.at = new Date(at.getTime());
  }

  /** Back to the real time. */
  reset(): void {
    this.at = undefined;
  }
}
