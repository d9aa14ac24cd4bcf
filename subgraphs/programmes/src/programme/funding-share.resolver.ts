import { Arg, Authorized, Ctx, Mutation, Resolver } from 'type-graphql';
import { ensure, is, isOrganisation } from '@pass/kit';
import { Role } from '@pass/access';
import { ensureActsAsFunder } from '../access';
import type { Context } from '../loaders';
import { FundingShare, FundingShareStatus } from './funding-share.entity';
import { answerFundingShare, reshareProgramme } from './funding-share.manager';
import { FundingShareAnswerInput, FundingSharePayload, ReshareProgrammeInput, ReshareProgrammePayload } from './funding-share.types';

/** A co-funder's consent to the share another funder named for it. */
@Resolver(() => FundingShare)
export class FundingShareConsentResolver {
  @Authorized(Role.FUNDER, Role.OPERATOR)
  @Mutation(() => FundingSharePayload, { description: 'A co-funder accepts the share it was named for; the programme takes orders once every share is accepted.' })
  acceptFundingShare(@Arg('input', () => FundingShareAnswerInput, { description: 'The programme and the answering co-funder.' }) input: FundingShareAnswerInput, @Ctx() ctx: Context): Promise<FundingSharePayload> {
    ensureActsAsFunder(ctx, input.funderId);
    return answerFundingShare(ctx.dataSource, input, FundingShareStatus.ACCEPTED);
  }

  @Authorized(Role.FUNDER, Role.OPERATOR)
  @Mutation(() => FundingSharePayload, { description: "A co-funder declines the share it was named for; the programme's creator shares it again (reshareProgramme)." })
  declineFundingShare(@Arg('input', () => FundingShareAnswerInput, { description: 'The programme and the answering co-funder.' }) input: FundingShareAnswerInput, @Ctx() ctx: Context): Promise<FundingSharePayload> {
    ensureActsAsFunder(ctx, input.funderId);
    return answerFundingShare(ctx.dataSource, input, FundingShareStatus.DECLINED);
  }

  @Authorized(Role.FUNDER, Role.OPERATOR)
  @Mutation(() => ReshareProgrammePayload, { description: "The programme's creator (or the operator) shares a programme again after a co-funder declined." })
  async reshareProgramme(@Arg('input', () => ReshareProgrammeInput, { description: 'The programme and its new shares.' }) input: ReshareProgrammeInput, @Ctx() ctx: Context): Promise<ReshareProgrammePayload> {
    const programme = await ctx.loaders.programme.load(input.programmeId);
    ensure(is(ctx.caller, Role.OPERATOR) || isOrganisation(ctx.caller, Role.FUNDER, programme.createdByFunderId), 'sharing a programme the caller did not create');
    if (ctx.caller.role === Role.FUNDER) {
      ensure(input.shares.some((s) => s.funderId === ctx.caller.organisationId), 'a programme the caller has no share in');
    }
    return reshareProgramme(ctx.dataSource, input, ctx.caller.role === Role.FUNDER ? ctx.caller.organisationId : null);
  }
}
