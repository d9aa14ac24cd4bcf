import { Arg, Authorized, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { Role } from '@pass/access';
import type { Context } from '../loaders';
import { VenueRef } from '../venue/venue.entity';
import { ReimbursementStatement } from '../reimbursement/reimbursement-statement.entity';
import { Voucher } from '../voucher/voucher.entity';
import { CorrectRedemptionInput, CorrectRedemptionPayload, RedemptionCorrection } from './correct-redemption.inputs';
import { correctRedemption } from './correct-redemption.manager';
import { Redemption } from './redemption.entity';

@Resolver(() => RedemptionCorrection)
export class CorrectRedemptionResolver {
  @Authorized(Role.OPERATOR)
  @Mutation(() => CorrectRedemptionPayload, {
    description:
      "Operator: takes back a redemption paid on a closed month's statement. The statement stays as written; the amount is deducted from the venue's next statement, the redemption stops counting and the voucher is usable again. Once per redemption; written to the audit log.",
  })
  async correctRedemption(
    @Arg('input', () => CorrectRedemptionInput, { description: 'The redemption and why.' }) input: CorrectRedemptionInput,
    @Ctx() ctx: Context,
  ): Promise<CorrectRedemptionPayload> {
    const answer = await correctRedemption(ctx.dataSource, input);
    return { correction: answer.correction ? Object.assign(new RedemptionCorrection(), answer.correction) : null, error: answer.error };
  }

  @FieldResolver(() => Redemption, { description: 'The redemption taken back.' })
  redemption(@Root() correction: RedemptionCorrection, @Ctx() ctx: Context): Promise<Redemption> {
    return ctx.loaders.redemption.load(correction.redemptionId);
  }

  @FieldResolver(() => Voucher, { description: 'Its voucher, usable again (unless its book was reported lost or its programme expired).' })
  voucher(@Root() correction: RedemptionCorrection, @Ctx() ctx: Context): Promise<Voucher> {
    return ctx.loaders.voucher.load(correction.voucherId);
  }

  @FieldResolver(() => VenueRef, { description: 'The venue the amount is deducted from.' })
  venue(@Root() correction: RedemptionCorrection): VenueRef {
    return { id: correction.venueId };
  }

  @FieldResolver(() => ReimbursementStatement, {
    nullable: true,
    description: "The venue's statement that deducts it; null until the venue's next month is closed.",
  })
  statement(@Root() correction: RedemptionCorrection, @Ctx() ctx: Context): Promise<ReimbursementStatement> | null {
    return correction.statementId ? ctx.loaders.statement.load(correction.statementId) : null;
  }
}
