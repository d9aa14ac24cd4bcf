import type { DataSource, EntityManager } from 'typeorm';
import { isUuid, publish, refusal, type Refusal } from '@pass/kit';
import { Topics, type ProgrammeDefined } from '@pass/contracts';
import type { Programme } from '../programme/programme.entity';
import { checkShares, sharesAsNamedBy, unknownFunders } from '../programme/programme.manager';
import type { FundingShareInput } from '../programme/programme.inputs';
import { programmeStore } from '../programme/programme.store';
import { FundingShareStatus, type FundingShare } from './funding-share.entity';
import {
  AcceptFundingShareErrorCode,
  DeclineFundingShareErrorCode,
  ReshareProgrammeErrorCode,
  type AcceptFundingSharePayload,
  type DeclineFundingSharePayload,
  type ReshareProgrammePayload,
} from './funding-share.inputs';
import { fundingShareStore } from './funding-share.store';

type Answer = FundingShareStatus.ACCEPTED | FundingShareStatus.DECLINED;

/**
 * A named co-funder answers for its share: ACCEPTED or DECLINED, once. Giving the same answer
 * again changes nothing; the other answer is refused (SHARE_ALREADY_ANSWERED).
 */
export function answerFundingShare(db: DataSource, input: { programmeId: string; funderId: string }, answer: FundingShareStatus.ACCEPTED): Promise<AcceptFundingSharePayload>;
export function answerFundingShare(db: DataSource, input: { programmeId: string; funderId: string }, answer: FundingShareStatus.DECLINED): Promise<DeclineFundingSharePayload>;
export async function answerFundingShare(
  db: DataSource,
  input: { programmeId: string; funderId: string },
  answer: Answer,
): Promise<{ fundingShare: FundingShare | null; error: Refusal<AcceptFundingShareErrorCode | DeclineFundingShareErrorCode> | null }> {
  // Both answers refuse for the same reasons; each mutation names them with its own enum.
  const codes = answer === FundingShareStatus.ACCEPTED ? AcceptFundingShareErrorCode : DeclineFundingShareErrorCode;
  const notFound = { fundingShare: null, error: refusal(codes.SHARE_NOT_FOUND, 'this funder has no share in this programme') };
  if (!isUuid(input.programmeId) || !isUuid(input.funderId)) return notFound;
  return db.transaction(async (tx) => {
    const share = await fundingShareStore.lock(tx, input.programmeId, input.funderId);
    if (!share) return notFound;
    if (share.status === answer) return { fundingShare: share, error: null };
    if (share.status !== FundingShareStatus.PENDING) {
      return { fundingShare: null, error: refusal(codes.SHARE_ALREADY_ANSWERED, `this share was already ${share.status.toLowerCase()}`) };
    }
    share.status = answer;
    await fundingShareStore.setStatus(tx, share, answer);
    return { fundingShare: share, error: null };
  });
}

/**
 * After a co-funder declined, the programme's creator (or the operator) shares it again: the new
 * shares replace the old ones, co-funders named answer again, and the replicas learn the new split.
 */
export async function reshareProgramme(
  db: DataSource,
  input: { programmeId: string; shares: FundingShareInput[] },
  namedBy: string | null,
): Promise<ReshareProgrammePayload> {
  const funderIds = checkShares(input.shares);
  const notFound = { programme: null, error: refusal(ReshareProgrammeErrorCode.PROGRAMME_NOT_FOUND, `no programme ${input.programmeId}`) };
  if (!isUuid(input.programmeId)) return notFound;
  return db.transaction(async (tx): Promise<ReshareProgrammePayload> => {
    const programme = await programmeStore.lock(tx, input.programmeId);
    if (!programme) return notFound;
    const shares = await fundingShareStore.ofProgramme(tx, programme.id);
    if (!shares.some((s) => s.status === FundingShareStatus.DECLINED)) {
      return { programme: null, error: refusal(ReshareProgrammeErrorCode.NO_DECLINED_SHARE, 'no co-funder declined its share: the programme keeps its shares') };
    }
    const missing = await unknownFunders(tx, funderIds);
    if (missing.length) return { programme: null, error: refusal(ReshareProgrammeErrorCode.FUNDER_NOT_FOUND, `unknown funder ${missing.join(', ')}`) };
    await fundingShareStore.replace(tx, programme.id, sharesAsNamedBy(programme.id, input.shares, namedBy));
    await publishDefinition(tx, programme, input.shares);
    return { programme, error: null };
  });
}

async function publishDefinition(tx: EntityManager, programme: Programme, shares: FundingShareInput[]): Promise<void> {
  const fact: ProgrammeDefined = {
    programmeId: programme.id,
    name: programme.name,
    territory: programme.territory,
    validFrom: programme.validFrom,
    validUntil: programme.validUntil,
    eligibility: programme.eligibility,
    shares: shares.map((s) => ({ funderId: s.funderId, basisPoints: s.basisPoints })),
  };
  await publish(tx, [{ topic: Topics.programmeDefined, payload: fact }]);
}
