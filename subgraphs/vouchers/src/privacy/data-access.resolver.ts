import { Ctx, Directive, Field, FieldResolver, ID, ObjectType, Resolver, Root } from 'type-graphql';
import { JSONObjectResolver } from 'graphql-scalars';
import { isOrganisation } from '@pass/kit';
import { Role } from '@pass/access';
import type { Context } from '../loaders';

/** The beneficiaries subgraph's access request, to which this subgraph adds what it holds. */
@ObjectType('BeneficiaryDataAccess')
@Directive('@key(fields: "id")')
export class BeneficiaryDataAccessRef {
  @Field(() => ID, { description: "The person's id." })
  id!: string;
}

/**
 * Everything this subgraph holds about one person, as stored: the books handed to them, each with
 * its vouchers, their redemptions (where, when, how much) and the outcomes venues recorded.
 */
export async function vouchersHeldAbout(ctx: Context, beneficiaryId: string): Promise<Record<string, unknown>> {
  const [row] = await ctx.dataSource.query(
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
}

@Resolver(() => BeneficiaryDataAccessRef)
export class DataAccessResolver {
  @FieldResolver(() => JSONObjectResolver, {
    description:
      'What the vouchers subgraph holds about the person, as JSON: the books handed to them with their vouchers, redemptions and the outcomes venues recorded. ' +
      '`{"books": []}` once the person is erased (their books stay, no longer linked to them).',
  })
  async vouchersHeld(@Root() access: BeneficiaryDataAccessRef, @Ctx() ctx: Context): Promise<Record<string, unknown>> {
    const registeredBy = await ctx.loaders.distributorOfBeneficiary.load(access.id);
    // The root field already checked the registering distributor; this replica checks it again for
    // entity fetches. No replica (erased, or not replicated yet): nothing is held to show.
    if (registeredBy === null || !isOrganisation(ctx.caller, Role.DISTRIBUTOR, registeredBy)) return { books: [] };
    ctx.audit.read('BeneficiaryDataAccess', access.id);
    return vouchersHeldAbout(ctx, access.id);
  }
}
