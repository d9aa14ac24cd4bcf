import type { DataSource, EntityManager } from 'typeorm';
import { NotFoundError, isUuid, publish } from '@pass/kit';
import { Topics, type ProgrammeDefined } from '@pass/contracts';
import { FundingShare, FundingShareStatus } from './funding-share.entity';
import { Programme } from './programme.entity';
import { checkShares, ensureFundersExist, sharesAsNamedBy } from './programme.manager';
import { FundingShareErrorCode, type FundingSharePayload, type ReshareProgrammePayload } from './funding-share.types';
import type { FundingShareInput } from './programme.inputs';

const shareError = (code: FundingShareErrorCode, message: string) => ({ code, message });

/**
 * A named co-funder answers for its share: ACCEPTED or DECLINED, once. Giving the same answer
 * again changes nothing; the other answer is refused (SHARE_ALREADY_ANSWERED).
 */
export async function answerFundingShare(
  db: DataSource,
  input: { programmeId: string; funderId: string },
  answer: FundingShareStatus.ACCEPTED | FundingShareStatus.DECLINED,
): Promise<FundingSharePayload> {
  if (!isUuid(input.programmeId) || !isUuid(input.funderId)) {
    return { fundingShare: null, error: shareError(FundingShareErrorCode.SHARE_NOT_FOUND, 'this funder has no share in this programme') };
  }
  return db.transaction(async (tx) => {
    const repo = tx.getRepository(FundingShare);
    const share = await repo.findOne({ where: { programmeId: input.programmeId, funderId: input.funderId }, lock: { mode: 'pessimistic_write' } });
    if (!share) return { fundingShare: null, error: shareError(FundingShareErrorCode.SHARE_NOT_FOUND, 'this funder has no share in this programme') };
    if (share.status === answer) return { fundingShare: share, error: null };
    if (share.status !== FundingShareStatus.PENDING) {
      return { fundingShare: null, error: shareError(FundingShareErrorCode.SHARE_ALREADY_ANSWERED, `this share was already ${share.status.toLowerCase()}`) };
    }
    share.status = answer;
    await repo.update({ programmeId: share.programmeId, funderId: share.funderId }, { status: answer });
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
  if (!isUuid(input.programmeId)) throw new NotFoundError('Programme', input.programmeId);
  return db.transaction(async (tx) => {
    const programme = await tx.getRepository(Programme).findOne({ where: { id: input.programmeId }, lock: { mode: 'pessimistic_write' } });
    if (!programme) throw new NotFoundError('Programme', input.programmeId);
    const shares = await tx.getRepository(FundingShare).findBy({ programmeId: programme.id });
    if (!shares.some((s) => s.status === FundingShareStatus.DECLINED)) {
      return { programme: null, error: shareError(FundingShareErrorCode.NO_DECLINED_SHARE, 'no co-funder declined its share: the programme keeps its shares') };
    }
    await ensureFundersExist(tx, funderIds);
    await tx.getRepository(FundingShare).delete({ programmeId: programme.id });
    await tx.getRepository(FundingShare).insert(sharesAsNamedBy(programme.id, input.shares, namedBy));
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
