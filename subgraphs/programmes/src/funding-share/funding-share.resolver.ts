import { Arg, Authorized, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { ensure, is, isOrganisation } from '@pass/kit';
import { Role } from '@pass/access';
import { ensureActsAsFunder, unlessNotFound } from '../access';
import { Funder } from '../funder/funder.entity';
import type { Context } from '../loaders';
import { FundingShare, FundingShareStatus } from './funding-share.entity';
import { answerFundingShare, reshareProgramme } from './funding-share.manager';
import {
  AcceptFundingShareInput,
  AcceptFundingSharePayload,
  DeclineFundingShareInput,
  DeclineFundingSharePayload,
  ReshareProgrammeInput,
  ReshareProgrammePayload,
} from './funding-share.inputs';

/** A funder's share of a programme, and a co-funder's consent to the share another funder named for it. */
@Resolver(() => FundingShare)
export class FundingShareResolver {
  @FieldResolver(() => Funder, { description: 'The funder.' })
  funder(@Root() share: FundingShare, @Ctx() ctx: Context): Promise<Funder> {
    return ctx.loaders.funder.load(share.funderId);
  }

  @Authorized(Role.FUNDER, Role.OPERATOR)
  @Mutation(() => AcceptFundingSharePayload, { description: 'A co-funder accepts the share it was named for; the programme takes orders once every share is accepted.' })
  acceptFundingShare(@Arg('input', () => AcceptFundingShareInput, { description: 'The programme and the answering co-funder.' }) input: AcceptFundingShareInput, @Ctx() ctx: Context): Promise<AcceptFundingSharePayload> {
    ensureActsAsFunder(ctx, input.funderId);
    return answerFundingShare(ctx.dataSource, input, FundingShareStatus.ACCEPTED);
  }

  @Authorized(Role.FUNDER, Role.OPERATOR)
  @Mutation(() => DeclineFundingSharePayload, { description: "A co-funder declines the share it was named for; the programme's creator shares it again (reshareProgramme)." })
  declineFundingShare(@Arg('input', () => DeclineFundingShareInput, { description: 'The programme and the answering co-funder.' }) input: DeclineFundingShareInput, @Ctx() ctx: Context): Promise<DeclineFundingSharePayload> {
    ensureActsAsFunder(ctx, input.funderId);
    return answerFundingShare(ctx.dataSource, input, FundingShareStatus.DECLINED);
  }

  @Authorized(Role.FUNDER, Role.OPERATOR)
  @Mutation(() => ReshareProgrammePayload, { description: "The programme's creator (or the operator) shares a programme again after a co-funder declined." })
  async reshareProgramme(@Arg('input', () => ReshareProgrammeInput, { description: 'The programme and its new shares.' }) input: ReshareProgrammeInput, @Ctx() ctx: Context): Promise<ReshareProgrammePayload> {
    // An unknown programme is the manager's answer (PROGRAMME_NOT_FOUND); a known one is checked for access first.
    const programme = await unlessNotFound(ctx.loaders.programme.load(input.programmeId));
    if (programme) {
      ensure(is(ctx.caller, Role.OPERATOR) || isOrganisation(ctx.caller, Role.FUNDER, programme.createdByFunderId), 'sharing a programme the caller did not create');
    }
    if (ctx.caller.role === Role.FUNDER) {
      ensure(input.shares.some((s) => s.funderId === ctx.caller.organisationId), 'a programme the caller has no share in');
    }
    return reshareProgramme(ctx.dataSource, input, ctx.caller.role === Role.FUNDER ? ctx.caller.organisationId : null);
  }
}
