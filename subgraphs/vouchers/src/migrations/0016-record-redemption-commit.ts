import type { MigrationInterface, QueryRunner } from 'typeorm';
import { NO_DISTRIBUTOR } from '../tally/tally.store';
import { RECORD_REDEMPTION_FUNCTION_0015 } from './0015-redemption-functions';

/** record_redemption as this migration installed it (0018 replaced it; its down puts this back). */
export const RECORD_REDEMPTION_FUNCTION_0016 = `
create or replace function record_redemption(p_scope text, p_key text, p_request_hash text, p_voucher uuid, p_session uuid, p_venue uuid,
                                             p_programme uuid, p_book uuid, p_amount_cents int, p_at timestamptz, p_shard smallint,
                                             p_lost_answers jsonb)
returns table (won boolean, voucher_state_now text, redemption_id uuid, redemption_seq bigint, redemption_xid bigint)
language plpgsql volatile as $fn$
declare
  book_redeemed int;
  book_distributor uuid;
begin
  update voucher v set state = 'REDEEMED', redeemed_at = p_at where v.id = p_voucher and v.state = 'AVAILABLE';
  if not found then
    won := false;
    select v.state into voucher_state_now from voucher v where v.id = p_voucher;
    insert into idempotency (scope, key, request_hash, response)
    values (p_scope, p_key, p_request_hash, coalesce(p_lost_answers -> voucher_state_now, p_lost_answers -> 'REDEEMED'));
    return next; return;
  end if;
  insert into redemption as r (voucher_id, session_id, venue_id, programme_id, book_id, amount_cents, redeemed_at)
  values (p_voucher, p_session, p_venue, p_programme, p_book, p_amount_cents, p_at)
  returning r.id, r.seq, r.xid into redemption_id, redemption_seq, redemption_xid;
  update book b set redeemed_vouchers = b.redeemed_vouchers + 1 where b.id = p_book
  returning b.redeemed_vouchers, b.distributor_id into book_redeemed, book_distributor;
  if book_redeemed = 1 then
    insert into book_tally as t (programme_id, distributor_id, books, handed_out, started)
    values (p_programme, coalesce(book_distributor, '${NO_DISTRIBUTOR}'::uuid), 0, 0, 1)
    on conflict (programme_id, distributor_id) do update set started = t.started + 1;
  end if;
  insert into voucher_tally as t (programme_id, shard, redeemed, redeemed_cents, available, available_cents)
  values (p_programme, p_shard, 1, p_amount_cents, -1, -p_amount_cents)
  on conflict (programme_id, shard) do update set redeemed = t.redeemed + 1, redeemed_cents = t.redeemed_cents + p_amount_cents,
    available = t.available - 1, available_cents = t.available_cents - p_amount_cents;
  insert into idempotency (scope, key, request_hash, response) values (p_scope, p_key, p_request_hash, jsonb_build_object('redemptionId', redemption_id));
  won := true;
  return next;
end
$fn$`;

/**
 * record_redemption also stores the refusal when the voucher was lost to a concurrent change
 * (`p_lost_answers`): the redemption's COMMIT now goes in the same round trip as this call
 * (redemption/redemption.store.ts), so nothing can be written between them (issue 12). The new
 * parameter makes it another function: the one of migration 0015 is dropped.
 */
export class RecordRedemptionCommit1765000001300 implements MigrationInterface {
  name = 'RecordRedemptionCommit1765000001300';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`drop function record_redemption(text, text, text, uuid, uuid, uuid, uuid, uuid, int, timestamptz, smallint)`);
    await db.query(RECORD_REDEMPTION_FUNCTION_0016);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`drop function record_redemption(text, text, text, uuid, uuid, uuid, uuid, uuid, int, timestamptz, smallint, jsonb)`);
    await db.query(RECORD_REDEMPTION_FUNCTION_0015);
  }
}
