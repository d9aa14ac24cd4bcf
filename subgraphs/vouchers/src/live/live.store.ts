import type { DataSource } from 'typeorm';
import { formatCursor, type StreamPosition } from './cursor';
import type { LiveRedemptionScope, RedemptionRoute } from './live.objects';

/**
 * Reads the stream of redemptions in (xid, seq) order, and only rows whose writing transaction is
 * older than every transaction still running (`pg_snapshot_xmin`): such a row can no longer be
 * joined, before it, by one committing late. So "everything after my cursor" is always complete.
 */
const VISIBLE = `r.xid < pg_snapshot_xmin(pg_current_snapshot())::text::bigint`;

/**
 * The gateway's feed polls these reads on its own clock, whoever is asking what: background work,
 * like the event bus's, so the N+1 guard's statement count (which sums every statement of the
 * process) never sees a poll land in the middle of a partner's request.
 */
async function feedQuery<T>(db: DataSource, sql: string, parameters: unknown[]): Promise<T[]> {
  const runner = db.createQueryRunner();
  runner.data = { background: true };
  try {
    return await runner.query(sql, parameters);
  } finally {
    await runner.release();
  }
}

export const liveStore = {
  /** NOTIFY on the feeds' channel (see FeedWakeUp), as background work like the feed's reads. */
  async wakeFeeds(db: DataSource): Promise<void> {
    await feedQuery(db, `select pg_notify('redemption_recorded', '')`, []);
  },

  async after(
    db: DataSource,
    after: StreamPosition,
    first: number,
    scope: LiveRedemptionScope,
    filter: { programmeId: string | null; venueId: string | null },
  ): Promise<RedemptionRoute[]> {
    const rows = await feedQuery<{ xid: string; seq: string; id: string; venue_id: string; programme_id: string; distributor_id: string | null; redeemed_at: Date }>(
      db,
        `select r.xid::text, r.seq::text, r.id, r.venue_id, r.programme_id, b.distributor_id, r.redeemed_at
           from redemption r join book b on b.id = r.book_id
          where (r.xid, r.seq) > ($1::bigint, $2::bigint) and ${VISIBLE}
            and ($3::boolean or r.venue_id = any($4::uuid[]) or r.programme_id = any($5::uuid[]) or b.distributor_id = any($6::uuid[]))
            and ($7::uuid is null or r.programme_id = $7) and ($8::uuid is null or r.venue_id = $8)
          order by r.xid, r.seq
          limit $9`,
        [after.xid, after.seq, scope.all, scope.venueIds, scope.programmeIds, scope.distributorIds, filter.programmeId, filter.venueId, first],
      );
    return rows.map((r) => ({
      cursor: formatCursor(r.xid, r.seq),
      redemptionId: r.id,
      venueId: r.venue_id,
      programmeId: r.programme_id,
      distributorId: r.distributor_id,
      redeemedAt: r.redeemed_at,
    }));
  },

  /** The last readable position: everything at or before it is final. */
  async head(db: DataSource): Promise<string> {
    const [row] = await feedQuery<{ xid: string; seq: string }>(db, `select r.xid::text, r.seq::text from redemption r where ${VISIBLE} order by r.xid desc, r.seq desc limit 1`, []);
    return row ? formatCursor(row.xid, row.seq) : formatCursor(0, 0);
  },

  /** Programmes a funder has a share in, from the replica of `programme.defined`. */
  async programmesFundedBy(db: DataSource, funderId: string): Promise<string[]> {
    const rows: { programme_id: string }[] = await db.query(`select programme_id from programme_fact where shares @> $1::jsonb`, [
      JSON.stringify([{ funderId }]),
    ]);
    return rows.map((r) => r.programme_id);
  },
};
