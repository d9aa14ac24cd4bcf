import { Arg, Authorized, Ctx, Field, ID, Int, ObjectType, Query, Resolver } from 'type-graphql';
import { DateTimeISOResolver } from 'graphql-scalars';
import { Role } from '../auth/caller';
import type { SubgraphContext } from '../context';
import { BadInputError } from '../errors';

@ObjectType({ description: 'One line of the append-only audit log.' })
export class AuditEntry {
  @Field(() => ID)
  seq!: string;

  @Field(() => DateTimeISOResolver)
  at!: Date;

  @Field()
  subgraph!: string;

  @Field()
  organisationId!: string;

  @Field()
  role!: string;

  @Field()
  action!: string;

  @Field()
  recordType!: string;

  @Field(() => String, { nullable: true })
  recordId!: string | null;
}

/** Served by the programmes subgraph on the operator's behalf; it reads the shared log, never writes it here. */
@Resolver()
export class AuditResolver {
  @Authorized(Role.OPERATOR)
  @Query(() => [AuditEntry], { description: 'Newest first; `before` pages back by sequence number.' })
  async auditLog(
    @Ctx() ctx: SubgraphContext<unknown>,
    @Arg('first', () => Int, { defaultValue: 100 }) first: number,
    @Arg('before', () => ID, { nullable: true }) before?: string | null,
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
