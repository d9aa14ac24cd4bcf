import type { DataSource } from 'typeorm';
import { isUuid, refusal, type Refusal } from '@pass/kit';
import { qualifyVenueChecked } from '../qualification/qualification.manager';
import { QualifyVenueErrorCode } from '../qualification/qualification.inputs';
import { ProposalStatus, type QualificationProposal } from './proposal.entity';
import { ConfirmQualificationProposalErrorCode, DismissQualificationProposalErrorCode } from './proposal.inputs';
import { proposalStore } from './proposal.store';

export type ConfirmAnswer = { proposal: QualificationProposal; error: null } | { proposal: null; error: Refusal<ConfirmQualificationProposalErrorCode> };
export type DismissAnswer = { proposal: QualificationProposal; error: null } | { proposal: null; error: Refusal<DismissQualificationProposalErrorCode> };

const proposalById = (db: DataSource, proposalId: string): Promise<QualificationProposal | null> =>
  isUuid(proposalId) ? proposalStore.byId(db, proposalId) : Promise.resolve(null);

const alreadyDecided = (proposal: QualificationProposal): string => `this proposal was already ${proposal.status.toLowerCase()}`;

/**
 * Confirms a waiting proposal for a programme: the venue is qualified for it. Qualification keeps
 * its own rules (the programme's territory) and its fact for the vouchers subgraph: the proposal
 * only records the decision.
 */
export async function confirmProposal(db: DataSource, proposalId: string, programmeId: string, decidedBy: string): Promise<ConfirmAnswer> {
  const Code = ConfirmQualificationProposalErrorCode;
  const proposal = await proposalById(db, proposalId);
  if (!proposal) return { proposal: null, error: refusal(Code.PROPOSAL_NOT_FOUND, `no qualification proposal ${proposalId}`) };
  if (proposal.status !== ProposalStatus.PROPOSED) return { proposal: null, error: refusal(Code.PROPOSAL_ALREADY_DECIDED, alreadyDecided(proposal)) };
  const qualified = await qualifyVenueChecked(db, proposal.venueId, programmeId);
  if (qualified.error) {
    // The proposal's venue exists (a foreign key): what qualification can refuse is the programme.
    const code = qualified.error.code === QualifyVenueErrorCode.VENUE_OUTSIDE_PROGRAMME_TERRITORY ? Code.VENUE_OUTSIDE_PROGRAMME_TERRITORY : Code.PROGRAMME_NOT_FOUND;
    return { proposal: null, error: refusal(code, qualified.error.message) };
  }
  return record(db, proposal, ProposalStatus.CONFIRMED, decidedBy, programmeId, Code.PROPOSAL_ALREADY_DECIDED);
}

/**
 * Dismisses a waiting proposal: the venue is not qualified, and is not proposed again.
 * `ensureMayDismiss` is the caller's access to the proposal's venue (it throws FORBIDDEN).
 */
export async function dismissProposal(
  db: DataSource,
  proposalId: string,
  decidedBy: string,
  ensureMayDismiss: (proposal: QualificationProposal) => Promise<void>,
): Promise<DismissAnswer> {
  const Code = DismissQualificationProposalErrorCode;
  const proposal = await proposalById(db, proposalId);
  if (!proposal) return { proposal: null, error: refusal(Code.PROPOSAL_NOT_FOUND, `no qualification proposal ${proposalId}`) };
  await ensureMayDismiss(proposal);
  if (proposal.status !== ProposalStatus.PROPOSED) return { proposal: null, error: refusal(Code.PROPOSAL_ALREADY_DECIDED, alreadyDecided(proposal)) };
  return record(db, proposal, ProposalStatus.DISMISSED, decidedBy, null, Code.PROPOSAL_ALREADY_DECIDED);
}

/** Records the decision only on a proposal still waiting: two coordinators deciding at once, one wins. */
async function record<C extends string>(
  db: DataSource,
  proposal: QualificationProposal,
  status: ProposalStatus,
  decidedBy: string,
  programmeId: string | null,
  alreadyDecidedCode: C,
): Promise<{ proposal: QualificationProposal; error: null } | { proposal: null; error: Refusal<C> }> {
  const decided = await proposalStore.decide(db, proposal.id, status, decidedBy, programmeId);
  if (decided.affected === 0) return { proposal: null, error: refusal(alreadyDecidedCode, 'this proposal was decided meanwhile') };
  const now = await proposalStore.byId(db, proposal.id);
  if (!now) throw new Error(`qualification proposal ${proposal.id} vanished after its decision`);
  return { proposal: now, error: null };
}
