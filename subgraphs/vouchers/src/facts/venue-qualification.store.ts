import type { EntityManager } from 'typeorm';

/** `venue_qualification`: the replica of `venue.qualified` — which venue may take which programme's vouchers. */
export const venueQualificationStore = {
  qualify: (db: EntityManager, venueId: string, programmeId: string) =>
    db.query(`insert into venue_qualification (venue_id, programme_id) values ($1, $2) on conflict do nothing`, [venueId, programmeId]),

  withdraw: (db: EntityManager, venueId: string, programmeId: string) =>
    db.query(`delete from venue_qualification where venue_id = $1 and programme_id = $2`, [venueId, programmeId]),
};
