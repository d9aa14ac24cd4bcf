import type { DataSource } from 'typeorm';
import type { RedemptionCell } from './small-cells';

export interface DayRow {
  programmeId: string;
  /** Paris calendar day, YYYY-MM-DD. */
  day: string;
  vouchersRedeemed: number;
  amountCents: number;
}

export interface CommuneRow {
  programmeId: string;
  /** INSEE code of the commune where the session took place. */
  inseeCode: string;
  vouchersRedeemed: number;
  amountCents: number;
}

const int = (v: unknown) => Number(v ?? 0);

/**
 * The figures the coordinator dashboard and the venue counter page show, each one SQL statement
 * for a whole batch of programmes or sessions: the screens never add up raw lists themselves.
 */
export const activityStore = {
  /** Redemptions per Paris calendar day, oldest day first; days without any are absent. */
  async byDay(db: DataSource, programmeIds: string[]): Promise<DayRow[]> {
    const rows = await db.query(
      `select programme_id, to_char((redeemed_at at time zone 'Europe/Paris')::date, 'YYYY-MM-DD') as day,
              count(*) n, sum(amount_cents) cents
         from redemption where programme_id = any($1) and corrected_at is null
        group by programme_id, day order by day`,
      [programmeIds],
    );
    return rows.map((r: Record<string, string>) => ({ programmeId: r.programme_id, day: r.day, vouchersRedeemed: int(r.n), amountCents: int(r.cents) }));
  },

  /** Redemptions per commune of the session (the venue's commune, replicated with the session). */
  async byCommune(db: DataSource, programmeIds: string[]): Promise<CommuneRow[]> {
    const rows = await db.query(
      `select r.programme_id, s.insee_code, count(*) n, sum(r.amount_cents) cents
         from redemption r join session_fact s on s.session_id = r.session_id
        where r.programme_id = any($1) and r.corrected_at is null
        group by r.programme_id, s.insee_code`,
      [programmeIds],
    );
    return rows.map((r: Record<string, string>) => ({ programmeId: r.programme_id, inseeCode: r.insee_code, vouchersRedeemed: int(r.n), amountCents: int(r.cents) }));
  },

  /**
   * Redemptions per (venue, commune of the session): the finest cells, from which an analyst's
   * tables are all rolled up after small-cell suppression (see small-cells.ts). A redemption whose
   * session is not known here yet has no commune.
   */
  async byVenueAndCommune(db: DataSource, programmeIds: string[]): Promise<(RedemptionCell & { programmeId: string })[]> {
    const rows = await db.query(
      `select r.programme_id, r.venue_id, s.insee_code, count(*) n, sum(r.amount_cents) cents
         from redemption r left join session_fact s on s.session_id = r.session_id
        where r.programme_id = any($1) and r.corrected_at is null
        group by r.programme_id, r.venue_id, s.insee_code`,
      [programmeIds],
    );
    return rows.map((r: Record<string, string | null>) => ({
      programmeId: r.programme_id as string,
      venueId: r.venue_id as string,
      inseeCode: r.insee_code,
      vouchersRedeemed: int(r.n),
      amountCents: int(r.cents),
    }));
  },

  /** Seats not yet taken by a redemption, per session this subgraph knows of. */
  async seatsLeft(db: DataSource, sessionIds: string[]): Promise<Map<string, number | null>> {
    const rows = await db.query(
      `select s.session_id, s.seats - count(r.id) seats_left
         from session_fact s left join redemption r on r.session_id = s.session_id and r.corrected_at is null
        where s.session_id = any($1)
        group by s.session_id, s.seats`,
      [sessionIds],
    );
    return new Map(rows.map((r: Record<string, string>) => [r.session_id, Math.max(0, int(r.seats_left))]));
  },
};
