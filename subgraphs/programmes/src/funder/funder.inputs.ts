import { Field, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { refusalType, type Refusal } from '@pass/kit';
import { Funder, FunderKind } from './funder.entity';

@InputType({ description: 'A funder the operator adds.' })
export class RegisterFunderInput {
  @Field({ description: "The organisation's name, 1 to 200 characters, unique among funders." })
  name!: string;

  @Field(() => FunderKind, { description: 'What kind of organisation it is.' })
  kind!: FunderKind;
}

export enum RegisterFunderErrorCode {
  /** Funders are told apart by name: a second funder of the same name is refused. */
  FUNDER_NAME_TAKEN = 'FUNDER_NAME_TAKEN',
}
registerEnumType(RegisterFunderErrorCode, {
  name: 'RegisterFunderErrorCode',
  description: 'Why registerFunder refused.',
  valuesConfig: {
    FUNDER_NAME_TAKEN: { description: 'A funder of this name already exists: funders are told apart by name.' },
  },
});

export const RegisterFunderError = refusalType(RegisterFunderErrorCode, 'RegisterFunderError', 'registerFunder');

@ObjectType({ description: 'What registerFunder answers: the funder, or why not.' })
export class RegisterFunderPayload {
  @Field(() => Funder, { nullable: true, description: 'The funder added; null on an error.' })
  funder!: Funder | null;

  @Field(() => RegisterFunderError, { nullable: true, description: 'Why it was refused; null when done.' })
  error!: Refusal<RegisterFunderErrorCode> | null;
}
