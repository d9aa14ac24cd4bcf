import type { DataSource, EntityManager } from 'typeorm';
import type { SessionScheduled } from '@pass/contracts';

/** `session_fact`: the replica of `session.scheduled` — a session's venue, place, day and seats. */
export const sessionFactStore = {
  /** Applied idempotently; a session moved to another day or resized updates its row. */
  upsert: (db: EntityManager, fact: SessionScheduled) =>
    db.query(
      `insert into session_fact (session_id, venue_id, insee_code, starts_at, seats) values ($1, $2, $3, $4, $5)
       on conflict (session_id) do update set starts_at = excluded.starts_at, seats = excluded.seats`,
      [fact.sessionId, fact.venueId, fact.inseeCode, fact.startsAt, fact.seats],
    ),

  /** The venue of each session. */
  async venuesOfSessions(db: DataSource, sessionIds: string[]): Promise<Map<string, string>> {
    const rows: { session_id: string; venue_id: string }[] = await db.query(
      `select session_id, venue_id from session_fact where session_id = any($1)`,
      [sessionIds],
    );
    return new Map(rows.map((r) => [r.session_id, r.venue_id]));
  },
};
