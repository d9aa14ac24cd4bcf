import { Arg, Authorized, Ctx, Field, ID, Int, ObjectType, Query, Resolver } from 'type-graphql';
import { DateTimeISOResolver } from 'graphql-scalars';
import { Role } from '@pass/access';
import type { SubgraphContext } from '../context';
import { BadInputError } from '../errors';
import { ConnectionType, DEFAULT_PAGE_SIZE, readPageRequest, toConnection, type Connection } from '../pagination/connection';
import { auditLogPage } from './audit.store';

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

@ObjectType('AuditEntryConnection', { description: 'A page of the audit log, newest entry first.' })
export class AuditEntryConnection extends ConnectionType(AuditEntry, 'AuditEntry') {}

// The cursor's list name: a cursor of another connection is refused here.
const AUDIT_LOG = 'auditLog';
const BIGINT_MAX = 9223372036854775807n;

/** Served by the programmes subgraph on the operator's behalf; it reads the shared log, never writes it here. */
@Resolver()
export class AuditResolver {
  @Authorized(Role.OPERATOR)
  @Query(() => AuditEntryConnection, { description: 'Every entry of the audit log, newest first, a page at a time (keyset pages by sequence number).' })
  async auditLog(
    @Ctx() ctx: SubgraphContext<unknown>,
    @Arg('first', () => Int, { defaultValue: DEFAULT_PAGE_SIZE, description: 'At most this many entries (1 to 100).' }) first: number,
    @Arg('after', () => String, { nullable: true, description: "The page starts after this cursor: a previous page's `pageInfo.endCursor`." }) after?: string | null,
  ): Promise<Connection<AuditEntry>> {
    const request = readPageRequest(AUDIT_LOG, first, after);
    // Cursors are opaque, not unforgeable: the key must still be a sequence number before it reaches SQL as a bigint.
    if (request.afterKey !== null && !(/^\d{1,19}$/.test(request.afterKey) && BigInt(request.afterKey) <= BIGINT_MAX)) {
      throw new BadInputError('after is not a cursor of this list: pass an endCursor it returned', 'after');
    }
    const page = await auditLogPage(ctx.dataSource, request);
    return toConnection(AUDIT_LOG, request, page, (entry) => entry.seq);
  }
}
