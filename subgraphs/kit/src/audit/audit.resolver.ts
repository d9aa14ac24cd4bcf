import { Arg, Authorized, Ctx, Field, ID, Int, ObjectType, Query, Resolver } from 'type-graphql';
import { DateTimeISOResolver } from 'graphql-scalars';
import { Role } from '@pass/access';
import type { SubgraphContext } from '../context';
import { BadInputError } from '../errors';

@ObjectType({ description: 'One line of the append-only audit log.' })
export class AuditEntry {
  @Field(() => ID, { description: 'Position in the log; entries are numbered in the order they were appended.' })
  seq!: string;

  @Field(() => DateTimeISOResolver, { description: 'When it was done.' })
  at!: Date;

  @Field({ description: 'The part of the hub that wrote the entry: programmes, beneficiaries, venues or vouchers.' })
  subgraph!: string;

  @Field({ description: 'The organisation whose token made the call.' })
  organisationId!: string;

  @Field({ description: "The caller's role." })
  role!: string;

  @Field({ description: "What was done: the mutation's name, or the read of a person's details or outcomes." })
  action!: string;

  @Field({ description: 'The kind of record acted on or read, such as Beneficiary or Redemption.' })
  recordType!: string;

  @Field(() => String, { nullable: true, description: 'The id of the record acted on or read, when there is one.' })
  recordId!: string | null;
}

/** Served by the programmes subgraph on the operator's behalf; it reads the shared log, never writes it here. */
@Resolver()
export class AuditResolver {
  @Authorized(Role.OPERATOR)
  @Query(() => [AuditEntry], { description: 'Newest first; `before` pages back by sequence number.' })
  async auditLog(
    @Ctx() ctx: SubgraphContext<unknown>,
    @Arg('first', () => Int, { defaultValue: 100, description: 'At most this many entries.' }) first: number,
    @Arg('before', () => ID, { nullable: true, description: 'Only entries before this sequence number.' }) before?: string | null,
  ): Promise<AuditEntry[]> {
    if (first < 1 || first > 1000) throw new BadInputError('first must be between 1 and 1000', 'first');
    // A sequence number is a positive bigint: anything past 2^63-1 would reach PostgreSQL as a cast error.
    if (before != null && !(/^\d{1,19}$/.test(before) && BigInt(before) >= 1n && BigInt(before) <= 9223372036854775807n)) {
      throw new BadInputError('before is a sequence number between 1 and 2^63-1', 'before');
    }
    return ctx.dataSource.query(
      `select seq::text, at, subgraph, organisation_id as "organisationId", role, action, record_type as "recordType", record_id as "recordId"
         from audit.entry where ($2::bigint is null or seq < $2) order by seq desc limit $1`,
      [first, before ?? null],
    );
  }
}
