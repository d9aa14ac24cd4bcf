import { Arg, Authorized, Ctx, Directive, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { BadInputError, NotFoundError, coordinates, ensure, is, isUuid } from '@pass/kit';
import { Role } from '@pass/access';
import { isCommuneInTerritory, parseTerritoryEntry } from '@pass/contracts/territory';
import type { Context } from '../loaders';
import { ProgrammeRef } from '../programme/programme.ref';
import { Venue } from '../venue/venue.entity';
import { qualifyVenue } from '../venue/venue.manager';
import { importCartography2021 } from './cartography-import';
import { ProposalStatus, QualificationProposal } from './proposal.entity';
import { proposalStore } from './proposal.store';
import { CartographyImportReport, ProposalErrorCode, ProposalPayload } from './proposal.types';

const checkFirst = (first: number): void => {
  if (first < 1 || first > 1000) throw new BadInputError('first must be between 1 and 1000', 'first');
};

@Resolver(() => QualificationProposal)
export class ProposalResolver {
  @Authorized(Role.OPERATOR)
  @Mutation(() => CartographyImportReport, {
    description: 'Imports places from the older national cartography export (2021, a JSON array); those declaring "Accepte le Pass numérique" become qualification proposals, not qualifications.',
  })
  async importCartography2021(@Arg('json', () => String, { description: 'The export file\'s content: a JSON array of places.' }) json: string, @Ctx() ctx: Context): Promise<CartographyImportReport> {
    const report = await importCartography2021(ctx.dataSource, json);
    return { ...report, errors: report.errors.map((e) => ({ row: e.row, column: e.field ?? null, message: e.message })) };
  }

  @Authorized(Role.OPERATOR)
  @Query(() => [QualificationProposal], { description: 'Proposals waiting for a coordinator, oldest first.' })
  qualificationProposals(@Arg('first', () => Int, { defaultValue: 100, description: 'How many proposals, from 1 to 1000.' }) first: number, @Ctx() ctx: Context): Promise<QualificationProposal[]> {
    checkFirst(first);
    return proposalStore.pending(ctx.dataSource, first);
  }

  @Authorized(Role.COORDINATOR, Role.OPERATOR)
  @Mutation(() => ProposalPayload, { description: "Confirms a venue's proposal for a programme the caller coordinates: the venue is then qualified for it." })
  async confirmQualificationProposal(
    @Arg('proposalId', () => ID, { description: 'The proposal to confirm.' }) proposalId: string,
    @Arg('programmeId', () => ID, { description: 'The programme the venue is qualified for.' }) programmeId: string,
    @Ctx() ctx: Context,
  ): Promise<ProposalPayload> {
    ensure(is(ctx.caller, Role.OPERATOR) || coordinates(ctx.caller, programmeId), 'confirming for a programme the caller does not coordinate');
    return decide(ctx, proposalId, ProposalStatus.CONFIRMED, programmeId);
  }

  @Authorized(Role.COORDINATOR, Role.OPERATOR)
  @Mutation(() => ProposalPayload, {
    description:
      "Dismisses a proposal: the venue is not qualified, and is not proposed again. A coordinator may dismiss only a proposal of a venue in the territory of a programme it coordinates.",
  })
  async dismissQualificationProposal(@Arg('proposalId', () => ID, { description: 'The proposal to dismiss.' }) proposalId: string, @Ctx() ctx: Context): Promise<ProposalPayload> {
    if (!is(ctx.caller, Role.OPERATOR)) {
      const proposal = isUuid(proposalId) ? await proposalStore.byId(ctx.dataSource, proposalId) : null;
      if (!proposal) throw new NotFoundError('QualificationProposal', proposalId);
      ensure(await coversVenue(ctx, proposal.venueId), "dismissing a proposal of a venue outside the territory of the caller's programmes");
    }
    return decide(ctx, proposalId, ProposalStatus.DISMISSED, null);
  }

  @FieldResolver(() => Venue)
  venue(@Root() proposal: QualificationProposal, @Ctx() ctx: Context): Promise<Venue> {
    return ctx.loaders.venue.load(proposal.venueId);
  }
}

/** Whether a programme the calling coordinator coordinates has the venue's commune in its territory (replica of `programme.defined`). */
async function coversVenue(ctx: Context, venueId: string): Promise<boolean> {
  const programmeIds = ctx.caller.programmeIds ?? [];
  if (programmeIds.length === 0) return false;
  const venue = await ctx.loaders.venue.load(venueId);
  const territories: { territory: string[] }[] = await ctx.dataSource.query(
    `select territory from programme_territory where programme_id = any($1::uuid[])`,
    [programmeIds.filter((id) => isUuid(id))],
  );
  return territories.some((t) => isCommuneInTerritory(venue.inseeCode, t.territory.map(parseTerritoryEntry)));
}

async function decide(ctx: Context, proposalId: string, status: ProposalStatus, programmeId: string | null): Promise<ProposalPayload> {
  const proposal = isUuid(proposalId) ? await proposalStore.byId(ctx.dataSource, proposalId) : null;
  if (!proposal) throw new NotFoundError('QualificationProposal', proposalId);
  if (proposal.status !== ProposalStatus.PROPOSED) {
    return { proposal, error: { code: ProposalErrorCode.PROPOSAL_ALREADY_DECIDED, message: `this proposal was already ${proposal.status.toLowerCase()}` } };
  }
  // Qualification keeps its own rules (and its fact for the vouchers subgraph): the proposal only records the decision.
  if (programmeId !== null) await qualifyVenue(ctx.dataSource, proposal.venueId, programmeId);
  const decided = await proposalStore.decide(ctx.dataSource, proposal.id, status, ctx.caller.organisationId, programmeId);
  if (decided.affected === 0) {
    return { proposal, error: { code: ProposalErrorCode.PROPOSAL_ALREADY_DECIDED, message: 'this proposal was decided meanwhile' } };
  }
  return { proposal: await proposalStore.byId(ctx.dataSource, proposal.id), error: null };
}

@Resolver(() => ProgrammeRef)
export class ProgrammeProposalsResolver {
  @FieldResolver(() => [QualificationProposal], { description: "Proposals waiting for a decision, of venues in this programme's territory." })
  @Directive('@requires(fields: "territory")')
  qualificationProposals(@Root() programme: ProgrammeRef, @Arg('first', () => Int, { defaultValue: 100, description: 'How many proposals, from 1 to 1000.' }) first: number, @Ctx() ctx: Context): Promise<QualificationProposal[]> {
    ensure(is(ctx.caller, Role.OPERATOR) || coordinates(ctx.caller, programme.id), 'proposals for a programme the caller does not coordinate');
    checkFirst(first);
    return proposalStore.pendingInTerritory(ctx.dataSource, (programme.territory ?? []).map((entry) => parseTerritoryEntry(entry)), first);
  }
}
