import { Arg, Authorized, Ctx, Field, ID, InputType, Mutation, ObjectType, Resolver, registerEnumType } from 'type-graphql';
import { DateTimeISOResolver } from 'graphql-scalars';
import { Role } from '../auth/caller';
import type { SubgraphContext } from '../context';
import { revokeOrganisation, revokeToken, sqlOfDataSource, type RevocationResult } from './hub-auth.store';

export enum RevocationErrorCode {
  ALREADY_REVOKED = 'ALREADY_REVOKED',
  /** An operator would lock itself out: another operator revokes an operator organisation. */
  OWN_ORGANISATION = 'OWN_ORGANISATION',
  BAD_ID = 'BAD_ID',
}
registerEnumType(RevocationErrorCode, { name: 'RevocationErrorCode' });

@ObjectType()
export class RevocationError {
  @Field(() => RevocationErrorCode)
  code!: RevocationErrorCode;

  @Field()
  message!: string;
}

@InputType()
export class RevokeTokenInput {
  @Field(() => ID, { description: "The token's id (`jti`), printed by `npm run token` when it mints one." })
  tokenId!: string;

  @Field(() => String, { nullable: true })
  reason?: string | null;
}

@InputType()
export class RevokeOrganisationInput {
  @Field(() => ID)
  organisationId!: string;

  @Field(() => String, { nullable: true })
  reason?: string | null;
}

@ObjectType()
export class RevokeTokenPayload {
  @Field(() => ID, { nullable: true })
  tokenId!: string | null;

  @Field(() => DateTimeISOResolver, { nullable: true, description: 'From then on, within seconds on every gateway, the token is refused.' })
  revokedAt!: Date | null;

  @Field(() => RevocationError, { nullable: true })
  error!: RevocationError | null;
}

@ObjectType()
export class RevokeOrganisationPayload {
  @Field(() => ID, { nullable: true })
  organisationId!: string | null;

  @Field(() => DateTimeISOResolver, { nullable: true, description: 'Tokens of the organisation issued until then are refused; later ones work.' })
  revokedAt!: Date | null;

  @Field(() => RevocationError, { nullable: true })
  error!: RevocationError | null;
}

const payload = (result: RevocationResult) =>
  result.error ? { revokedAt: null, error: { code: result.error.code as RevocationErrorCode, message: result.error.message } } : { revokedAt: result.revokedAt, error: null };

/**
 * Revocation by the operator, served by the programmes subgraph on the hub's behalf (like the
 * audit log): it writes the hub_auth schema, which every gateway polls.
 */
@Resolver()
export class HubAuthResolver {
  @Authorized(Role.OPERATOR)
  @Mutation(() => RevokeTokenPayload, { description: 'Refuses one partner token from now on.' })
  async revokeToken(@Arg('input') input: RevokeTokenInput, @Ctx() ctx: SubgraphContext<unknown>): Promise<RevokeTokenPayload> {
    const result = await revokeToken(sqlOfDataSource(ctx.dataSource), { tokenId: input.tokenId, revokedBy: ctx.caller.organisationId, reason: input.reason });
    return { tokenId: result.error ? null : input.tokenId, ...payload(result) };
  }

  @Authorized(Role.OPERATOR)
  @Mutation(() => RevokeOrganisationPayload, { description: "Refuses every token of an organisation issued until now (an organisation deleted, or its tokens leaked)." })
  async revokeOrganisation(@Arg('input') input: RevokeOrganisationInput, @Ctx() ctx: SubgraphContext<unknown>): Promise<RevokeOrganisationPayload> {
    const result = await revokeOrganisation(sqlOfDataSource(ctx.dataSource), {
      organisationId: input.organisationId,
      revokedBy: ctx.caller.organisationId,
      reason: input.reason,
    });
    return { organisationId: result.error ? null : input.organisationId, ...payload(result) };
  }
}
