import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { SafeIntResolver } from 'graphql-scalars';
import { refusalType, type Refusal } from '@pass/kit';
import { ProgrammeRef } from '../programme/programme.entity';
import { Credit } from './expiry.entity';

export enum ExpireProgrammeErrorCode {
  /** No programme has this id in this subgraph. */
  PROGRAMME_NOT_FOUND = 'PROGRAMME_NOT_FOUND',
  /** Vouchers can still be redeemed until the programme's last day has passed (Paris time). */
  PROGRAMME_STILL_VALID = 'PROGRAMME_STILL_VALID',
}
registerEnumType(ExpireProgrammeErrorCode, {
  name: 'ExpireProgrammeErrorCode',
  description: 'Why expireProgramme refused.',
  valuesConfig: {
    PROGRAMME_NOT_FOUND: { description: 'No programme has this id.' },
    PROGRAMME_STILL_VALID: { description: "The programme's last day has not passed yet (Paris time)." },
  },
});

@InputType({ description: 'The programme to expire.' })
export class ExpireProgrammeInput {
  @Field(() => ID, { description: 'The programme whose last day has passed.' })
  programmeId!: string;
}

export const ExpireProgrammeError = refusalType(ExpireProgrammeErrorCode, 'ExpireProgrammeError', 'expireProgramme');

@ObjectType({ description: 'The answer to expireProgramme: what this call blocked and credited back, or an error.' })
export class ExpireProgrammePayload {
  @Field(() => ProgrammeRef, { nullable: true, description: 'The programme, its unused vouchers now blocked; null on an error.' })
  programme!: ProgrammeRef | null;

  @Field(() => Int, { nullable: true, description: 'Vouchers this call blocked: 0 when the programme had already expired; null on an error.' })
  vouchersBlocked!: number | null;

  @Field(() => SafeIntResolver, { nullable: true, description: 'Their face value, all of it credited back; null on an error.' })
  blockedCents!: number | null;

  @Field(() => [Credit], { nullable: true, description: 'What this call credited back, per funder; the parts sum to blockedCents exactly. Null on an error.' })
  credits!: Credit[] | null;

  @Field(() => ExpireProgrammeError, { nullable: true, description: 'Why the programme was not expired; null when it was.' })
  error!: Refusal<ExpireProgrammeErrorCode> | null;
}
