import { Field, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { refusalType, type Refusal } from '@pass/kit';
import { Distributor, DistributorKind } from './distributor.entity';

@InputType({ description: 'A distributor the operator adds.' })
export class RegisterDistributorInput {
  @Field({ description: "The organisation's name, 1 to 200 characters, unique among distributors." })
  name!: string;

  @Field(() => DistributorKind, { description: 'What kind of organisation it is.' })
  kind!: DistributorKind;

  @Field({ description: 'INSEE code of the commune it is in.' })
  inseeCode!: string;
}

export enum RegisterDistributorErrorCode {
  /** Distributors are told apart by name: a second distributor of the same name is refused. */
  DISTRIBUTOR_NAME_TAKEN = 'DISTRIBUTOR_NAME_TAKEN',
  /** The INSEE code names no French commune. */
  UNKNOWN_COMMUNE = 'UNKNOWN_COMMUNE',
}
registerEnumType(RegisterDistributorErrorCode, {
  name: 'RegisterDistributorErrorCode',
  description: 'Why registerDistributor refused.',
  valuesConfig: {
    DISTRIBUTOR_NAME_TAKEN: { description: 'A distributor of this name already exists: distributors are told apart by name.' },
    UNKNOWN_COMMUNE: { description: 'The INSEE code names no French commune.' },
  },
});

export const RegisterDistributorError = refusalType(RegisterDistributorErrorCode, 'RegisterDistributorError', 'registerDistributor');

@ObjectType({ description: 'What registerDistributor answers: the distributor, or why not.' })
export class RegisterDistributorPayload {
  @Field(() => Distributor, { nullable: true, description: 'The distributor added; null on an error.' })
  distributor!: Distributor | null;

  @Field(() => RegisterDistributorError, { nullable: true, description: 'Why it was refused; null when done.' })
  error!: Refusal<RegisterDistributorErrorCode> | null;
}
