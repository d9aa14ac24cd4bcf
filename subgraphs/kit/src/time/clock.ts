import { readFileSync, renameSync, writeFileSync } from 'node:fs';

/**
 * What a subgraph takes for "now" in its rules (a redemption's day, a month that has ended, a
 * programme's last day). A production build has none: managers read the system time, or
 * PostgreSQL's inside a transaction. The test hub builds its subgraphs with a settable clock so a
 * suite can redeem, close a month or expire a programme at another date through the API. The clock
 * is an object of the process that builds the subgraph: no request, header or token can move it.
 * A subgraph in a process of its own takes its test clock from a file (`FileClock`) that only the
 * launching test can write, named by the process's environment: still no request can move it.
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

/**
 * A settable clock shared by processes through a file: the test that launched the hub writes it
 * (`set`, `reset`), each subgraph process reads it on every `now()` (`PASS_CLOCK_FILE`, tests
 * only: the process configuration refuses it in production). The file holds an ISO date, or
 * nothing for the real time. A write goes to a sibling file renamed over it, so a reader sees the
 * old time or the new one, never half of one. Reading a 24-byte file costs microseconds, and a
 * request reads the clock a handful of times.
 */
export class FileClock implements Clock {
  constructor(readonly path: string) {}

  now(): Date | undefined {
    let text: string;
    try {
      text = readFileSync(this.path, 'utf8').trim();
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw err;
    }
    if (text === '') return undefined;
    const at = new Date(text);
    // A clock that cannot be read must not quietly become the real time: the rule would run at the wrong date.
    if (Number.isNaN(at.getTime())) throw new Error(`the clock file ${this.path} holds "${text.slice(0, 40)}", not an ISO date`);
    return at;
  }

  set(at: Date): void {
    this.write(at.toISOString());
  }

  reset(): void {
    this.write('');
  }

  private write(text: string): void {
    const next = `${this.path}.next`;
    writeFileSync(next, text);
    renameSync(next, this.path);
  }
}
