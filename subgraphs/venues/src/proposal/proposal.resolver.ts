import { Arg, Authorized, Ctx, FieldResolver, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { BadInputError } from '@pass/kit';
import { Role } from '@pass/access';
import { ensureCoordinates, ensureCoversVenue } from '../access';
import type { Context } from '../loaders';
import { Venue } from '../venue/venue.entity';
import { importCartography2021 } from './cartography-import.manager';
import { QualificationProposal } from './proposal.entity';
import {
  ConfirmQualificationProposalInput,
  ConfirmQualificationProposalPayload,
  DismissQualificationProposalInput,
  DismissQualificationProposalPayload,
  ImportCartography2021Input,
  ImportCartography2021Payload,
} from './proposal.inputs';
import { confirmProposal, dismissProposal } from './proposal.manager';
import { proposalStore } from './proposal.store';

@Resolver(() => QualificationProposal)
export class ProposalResolver {
  @Authorized(Role.OPERATOR)
  @Mutation(() => ImportCartography2021Payload, {
    description: 'Imports places from the older national cartography export (2021, a JSON array); those declaring "Accepte le Pass numérique" become qualification proposals, not qualifications.',
  })
  async importCartography2021(@Arg('input', () => ImportCartography2021Input, { description: 'The export file.' }) input: ImportCartography2021Input, @Ctx() ctx: Context): Promise<ImportCartography2021Payload> {
    const { report, error } = await importCartography2021(ctx.dataSource, input.json);
    return { report: { ...report, errors: report.errors.map((e) => ({ row: e.row, column: e.field ?? null, message: e.message })) }, error };
  }

  @Authorized(Role.OPERATOR)
  @Query(() => [QualificationProposal], { description: 'Proposals waiting for a coordinator, oldest first.' })
  qualificationProposals(@Arg('first', () => Int, { defaultValue: 100, description: 'How many proposals, from 1 to 1000.' }) first: number, @Ctx() ctx: Context): Promise<QualificationProposal[]> {
    if (first < 1 || first > 1000) throw new BadInputError('first must be between 1 and 1000', 'first');
    return proposalStore.pending(ctx.dataSource, first);
  }

  @Authorized(Role.COORDINATOR, Role.OPERATOR)
  @Mutation(() => ConfirmQualificationProposalPayload, { description: "Confirms a venue's proposal for a programme the caller coordinates: the venue is then qualified for it." })
  confirmQualificationProposal(
    @Arg('input', () => ConfirmQualificationProposalInput, { description: 'The proposal and the programme.' }) input: ConfirmQualificationProposalInput,
    @Ctx() ctx: Context,
  ): Promise<ConfirmQualificationProposalPayload> {
    ensureCoordinates(ctx, input.programmeId, 'confirming for a programme the caller does not coordinate');
    return confirmProposal(ctx.dataSource, input.proposalId, input.programmeId, ctx.caller.organisationId);
  }

  @Authorized(Role.COORDINATOR, Role.OPERATOR)
  @Mutation(() => DismissQualificationProposalPayload, {
    description:
      'Dismisses a proposal: the venue is not qualified, and is not proposed again. A coordinator may dismiss only a proposal of a venue in the territory of a programme it coordinates.',
  })
  dismissQualificationProposal(
    @Arg('input', () => DismissQualificationProposalInput, { description: 'The proposal.' }) input: DismissQualificationProposalInput,
    @Ctx() ctx: Context,
  ): Promise<DismissQualificationProposalPayload> {
    return dismissProposal(ctx.dataSource, input.proposalId, ctx.caller.organisationId, (proposal) => ensureCoversVenue(ctx, proposal.venueId));
  }

  @FieldResolver(() => Venue)
  venue(@Root() proposal: QualificationProposal, @Ctx() ctx: Context): Promise<Venue> {
    return ctx.loaders.venue.load(proposal.venueId);
  }
}
