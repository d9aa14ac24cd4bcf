import { Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { refusalType, type Refusal } from '@pass/kit';
import { DateTimeISOResolver } from 'graphql-scalars';

@InputType({ description: "A person's erasure request (GDPR art. 17), made by the distributor that registered them." })
export class EraseBeneficiaryInput {
  @Field(() => ID, { description: 'The person to erase.' })
  beneficiaryId!: string;

  @Field(() => ID, { description: 'The registering distributor, making the request on the person\'s behalf.' })
  distributorId!: string;
}

@ObjectType({ description: 'A person erased: the id, which no longer leads to a person anywhere in the hub.' })
export class BeneficiaryErasure {
  @Field(() => ID, { description: "The person's former id: kept only in tombstones and the audit log." })
  id!: string;

  @Field(() => DateTimeISOResolver, { description: 'When the person was erased (the first time, if asked again).' })
  erasedAt!: Date;

  @Field({ description: 'False when the person had already been erased: asking again changes nothing.' })
  erasedNow!: boolean;
}

export enum EraseBeneficiaryErrorCode {
  /** No person, erased or not, has this id. */
  BENEFICIARY_NOT_FOUND = 'BENEFICIARY_NOT_FOUND',
}
registerEnumType(EraseBeneficiaryErrorCode, {
  name: 'EraseBeneficiaryErrorCode',
  description: 'Why eraseBeneficiary refused.',
  valuesConfig: { BENEFICIARY_NOT_FOUND: { description: 'No person, erased or not, has this id.' } },
});

export const EraseBeneficiaryError = refusalType(EraseBeneficiaryErrorCode, 'EraseBeneficiaryError', 'eraseBeneficiary');

@ObjectType({ description: 'What eraseBeneficiary answers: the erasure, or why not. Asking again answers the first erasure.' })
export class EraseBeneficiaryPayload {
  @Field(() => BeneficiaryErasure, { nullable: true, description: 'The erasure; null on an error.' })
  erasure!: BeneficiaryErasure | null;

  @Field(() => EraseBeneficiaryError, { nullable: true, description: 'Why it was refused; null when done.' })
  error!: Refusal<EraseBeneficiaryErrorCode> | null;
}
