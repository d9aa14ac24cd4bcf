import { randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { isUuid, publish, refusal } from '@pass/kit';
import { Topics, type BeneficiaryRegistered } from '@pass/contracts';
import { findCommune } from '@pass/contracts/territory';
import { ineligibilityReasons, type IneligibilityReason } from '../eligibility/eligibility';
import { distributorStore } from '../distributor/distributor.store';
import { programmeFactStore } from '../programme/programme-fact.store';
import { RegisterBeneficiaryErrorCode, type RegisterBeneficiaryInput, type RegisterBeneficiaryPayload } from './beneficiary.inputs';
import { beneficiaryStore } from './beneficiary.store';

const PSEUDONYM_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** Random, not derived from anything about the person, so it cannot be reversed. */
function newPseudonym(): string {
  const bytes = randomBytes(10);
  let out = 'P-';
  for (const byte of bytes) out += PSEUDONYM_ALPHABET[byte & 31];
  return out;
}

const failure = (code: RegisterBeneficiaryErrorCode, message: string, reasons: IneligibilityReason[] = []): RegisterBeneficiaryPayload => ({
  beneficiary: null,
  error: refusal(code, message),
  ineligibilityReasons: reasons,
});

/**
 * A distributor registers a person it found eligible for a programme. The check runs against the
 * replica of the programme's rules; a person who fails gets every reason at once, so the
 * distributor can tell them why.
 */
export async function registerBeneficiary(
  db: DataSource,
  input: RegisterBeneficiaryInput,
  now = new Date(),
): Promise<RegisterBeneficiaryPayload> {
  const [distributor] = isUuid(input.distributorId) ? await distributorStore.byIds(db, [input.distributorId]) : [];
  if (!distributor) return failure(RegisterBeneficiaryErrorCode.UNKNOWN_DISTRIBUTOR, `distributor ${input.distributorId} not found`);
  const programme = isUuid(input.programmeId) ? await programmeFactStore.byId(db, input.programmeId) : null;
  if (!programme) return failure(RegisterBeneficiaryErrorCode.UNKNOWN_PROGRAMME, `programme ${input.programmeId} not found`);
  if (!findCommune(input.inseeCode)) return failure(RegisterBeneficiaryErrorCode.UNKNOWN_COMMUNE, `unknown commune INSEE code ${input.inseeCode}`);
  const consentAt = new Date(input.consentAt);
  if (consentAt.getTime() > now.getTime()) return failure(RegisterBeneficiaryErrorCode.CONSENT_IN_FUTURE, 'consent cannot be dated in the future');

  const person = {
    birthYear: input.birthYear ?? null,
    educationLevel: input.educationLevel ?? null,
    statuses: [...new Set(input.statuses)],
    inseeCode: input.inseeCode,
  };
  const reasons = ineligibilityReasons(person, programme, now);
  if (reasons.length > 0) {
    return failure(RegisterBeneficiaryErrorCode.NOT_ELIGIBLE, `not eligible for ${programme.name}: ${reasons.join(', ')}`, reasons);
  }

  const beneficiary = await db.transaction(async (tx) => {
    const saved = await beneficiaryStore.insert(
      tx,
      { ...person, pseudonym: newPseudonym(), distributorId: distributor.id, consentAt, registeredAt: now },
      programme.programmeId,
    );
    const fact: BeneficiaryRegistered = {
      beneficiaryId: saved.id,
      distributorId: distributor.id,
      eligibleProgrammeIds: [programme.programmeId],
    };
    await publish(tx, [{ topic: Topics.beneficiaryRegistered, payload: fact }]);
    return saved;
  });
  return { beneficiary, error: null, ineligibilityReasons: [] };
}
