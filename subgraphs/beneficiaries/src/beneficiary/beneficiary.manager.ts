import { randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { isUuid, publish } from '@pass/kit';
import { Topics, type BeneficiaryRegistered } from '@pass/contracts';
import { findCommune } from '@pass/contracts/territory';
import { ineligibilityReasons, type IneligibilityReason } from '../eligibility/eligibility';
import { Distributor } from '../distributor/distributor.entity';
import { ProgrammeFact } from '../programme/programme-fact.entity';
import { Beneficiary } from './beneficiary.entity';
import type { RegisterBeneficiaryInput, RegisterBeneficiaryPayload } from './beneficiary.inputs';

const PSEUDONYM_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** Random, not derived from anything about the person, so it cannot be reversed. */
function newPseudonym(): string {
  const bytes = randomBytes(10);
  let out = 'P-';
  for (const byte of bytes) out += PSEUDONYM_ALPHABET[byte & 31];
  return out;
}

const failure = (code: string, message: string, reasons: IneligibilityReason[] = []): RegisterBeneficiaryPayload => ({
  beneficiary: null,
  error: { code, message, reasons },
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
  const distributor = isUuid(input.distributorId)
    ? await db.getRepository(Distributor).findOneBy({ id: input.distributorId })
    : null;
  if (!distributor) return failure('UNKNOWN_DISTRIBUTOR', `distributor ${input.distributorId} not found`);
  const programme = isUuid(input.programmeId)
    ? await db.getRepository(ProgrammeFact).findOneBy({ programmeId: input.programmeId })
    : null;
  if (!programme) return failure('UNKNOWN_PROGRAMME', `programme ${input.programmeId} not found`);
  if (!findCommune(input.inseeCode)) return failure('UNKNOWN_COMMUNE', `unknown commune INSEE code ${input.inseeCode}`);
  const consentAt = new Date(input.consentAt);
  if (consentAt.getTime() > now.getTime()) return failure('CONSENT_IN_FUTURE', 'consent cannot be dated in the future');

  const person = {
    birthYear: input.birthYear ?? null,
    educationLevel: input.educationLevel ?? null,
    statuses: [...new Set(input.statuses)],
    inseeCode: input.inseeCode,
  };
  const reasons = ineligibilityReasons(person, programme, now);
  if (reasons.length > 0) {
    return failure('NOT_ELIGIBLE', `not eligible for ${programme.name}: ${reasons.join(', ')}`, reasons);
  }

  const beneficiary = await db.transaction(async (tx) => {
    const repo = tx.getRepository(Beneficiary);
    const saved = await repo.save(
      repo.create({ ...person, pseudonym: newPseudonym(), distributorId: distributor.id, consentAt, registeredAt: now }),
    );
    await tx.query('insert into beneficiary_eligibility (beneficiary_id, programme_id) values ($1, $2)', [
      saved.id,
      programme.programmeId,
    ]);
    const fact: BeneficiaryRegistered = {
      beneficiaryId: saved.id,
      distributorId: distributor.id,
      eligibleProgrammeIds: [programme.programmeId],
    };
    await publish(tx, [{ topic: Topics.beneficiaryRegistered, payload: fact }]);
    return saved;
  });
  return { beneficiary, error: null };
}
