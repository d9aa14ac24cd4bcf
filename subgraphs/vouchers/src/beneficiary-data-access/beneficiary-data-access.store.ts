import type { DataSource } from 'typeorm';

export const beneficiaryDataAccessStore = {
  /**
   * Everything this subgraph holds about one person, as stored: the books handed to them, each with
   * its vouchers, their redemptions (where, when, how much) and the outcomes venues recorded.
   */
  async vouchersHeldAbout(db: DataSource, beneficiaryId: string): Promise<Record<string, unknown>> {
    const [row] = await db.query(
      `select coalesce(json_agg(json_build_object(
                'code', b.code, 'programmeId', b.programme_id, 'distributorId', b.distributor_id, 'handedOutAt', b.handed_out_at, 'lostAt', b.lost_at,
                'vouchers', (select coalesce(json_agg(json_build_object('code', v.code, 'state', v.state, 'faceValueCents', v.face_value_cents,
                                     'redemption', (select json_build_object('redeemedAt', r.redeemed_at, 'venueId', r.venue_id, 'sessionId', r.session_id, 'amountCents', r.amount_cents)
                                                      from redemption r where r.voucher_id = v.id)) order by v.code), '[]'::json)
                               from voucher v where v.book_id = b.id),
                'outcomes', (select coalesce(json_agg(json_build_object('venueId', o.venue_id, 'pixScore', o.pix_score, 'skillsReached', o.skills_reached,
                                     'note', o.note, 'recordedAt', o.recorded_at) order by o.recorded_at), '[]'::json)
                               from outcome o where o.book_id = b.id)
              ) order by b.code), '[]'::json) as books
         from book b where b.beneficiary_id = $1 and b.beneficiary_erased_at is null`,
      [beneficiaryId],
    );
    return { books: row?.books ?? [] };
  },
};
