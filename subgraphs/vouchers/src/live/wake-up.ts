import type { DataSource } from 'typeorm';
import { liveStore } from './live.store';

/**
 * Wakes the gateways' live feeds (`LISTEN redemption_recorded`) after redemptions commit, at most
 * one NOTIFY in flight per subgraph process: redemptions that commit while one is being sent are
 * covered by one more, sent when it returns. At a rush that is a NOTIFY per round trip, not per
 * redemption; alone, a redemption's NOTIFY leaves as soon as its COMMIT is answered.
 *
 * Why not a trigger in the redemption's own transaction (migration 0009 had one, 0019 dropped it):
 * PostgreSQL serialises every transaction that NOTIFYs on one database-wide lock, held until its
 * commit is flushed to disk, so the redemptions of every venue queued on each other's commits
 * (issue 12: `Lock:object` waits in `pg_stat_activity` once a book's row no longer queued them).
 * NOTIFY carries nothing and readers always read the table, so one sent after the commit wakes
 * them to the same rows; one that fails is logged and the feed's safety poll (5 s) reads them.
 */
export class FeedWakeUp {
  private sending = false;
  private again = false;

  constructor(
    private readonly notify: () => Promise<void>,
    private readonly warn: (message: string) => void,
  ) {}

  /** A redemption committed: its row is readable now. */
  recorded(): void {
    if (this.sending) {
      this.again = true;
      return;
    }
    this.sending = true;
    void this.send();
  }

  private async send(): Promise<void> {
    try {
      do {
        this.again = false;
        await this.notify();
      } while (this.again);
    } catch (err) {
      this.warn(`live feeds not woken (their poll will read the redemptions): ${(err as Error).message}`);
    } finally {
      this.sending = false;
    }
  }
}

const byDataSource = new WeakMap<DataSource, FeedWakeUp>();

/** The process's wake-up for this database. */
export function feedWakeUpOf(db: DataSource): FeedWakeUp {
  let wakeUp = byDataSource.get(db);
  if (!wakeUp) {
    wakeUp = new FeedWakeUp(
      () => liveStore.wakeFeeds(db),
      (message) => db.logger.log('warn', message),
    );
    byDataSource.set(db, wakeUp);
  }
  return wakeUp;
}
