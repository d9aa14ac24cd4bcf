import { Arg, Authorized, Ctx, Field, ID, InputType, Mutation, ObjectType, Resolver, registerEnumType } from 'type-graphql';
import { DateTimeISOResolver } from 'graphql-scalars';
import { Role } from '@pass/access';
import type { SubgraphContext } from '../context';
import { revokeOrganisation, revokeToken, sqlOfDataSource, type RevocationResult } from '@pass/access';

export enum RevocationErrorCode {
  ALREADY_REVOKED = 'ALREADY_REVOKED',
  /** An operator would lock itself out: another operator revokes an operator organisation. */
  OWN_ORGANISATION = 'OWN_ORGANISATION',
  BAD_ID = 'BAD_ID',
}
registerEnumType(RevocationErrorCode, {
  name: 'RevocationErrorCode',
  description: 'Why a revocation was refused.',
  valuesConfig: {
    ALREADY_REVOKED: { description: 'The token or organisation was already revoked.' },
    OWN_ORGANISATION: { description: "An operator would lock itself out: another operator revokes an operator's organisation." },
    BAD_ID: { description: 'The id is empty, too long or holds characters no id has.' },
  },
});

@ObjectType({ description: 'Why a revocation was refused.' })
export class RevocationError {
  @Field(() => RevocationErrorCode, { description: 'Stable code of the refusal.' })
  code!: RevocationErrorCode;

  @Field({ description: 'The refusal in words, for people.' })
  message!: string;
}

@InputType({ description: 'One partner token to refuse from now on.' })
export class RevokeTokenInput {
  @Field(() => ID, { description: "The token's id (`jti`), printed by `npm run token` when it mints one." })
  tokenId!: string;

  @Field(() => String, { nullable: true, description: 'Why, for the audit log.' })
  reason?: string | null;
}

@InputType({ description: 'An organisation whose tokens issued until now are refused.' })
export class RevokeOrganisationInput {
  @Field(() => ID, { description: "The organisation's id (the tokens' subject)." })
  organisationId!: string;

  @Field(() => String, { nullable: true, description: 'Why, for the audit log.' })
  reason?: string | null;
}

@ObjectType({ description: 'The revoked token, or why not.' })
export class RevokeTokenPayload {
  @Field(() => ID, { nullable: true, description: 'The token revoked; null on an error.' })
  tokenId!: string | null;

  @Field(() => DateTimeISOResolver, { nullable: true, description: 'From then on, within seconds on every gateway, the token is refused.' })
  revokedAt!: Date | null;

  @Field(() => RevocationError, { nullable: true, description: 'Why it was refused; null when done.' })
  error!: RevocationError | null;
}

@ObjectType({ description: 'The revoked organisation, or why not.' })
export class RevokeOrganisationPayload {
  @Field(() => ID, { nullable: true, description: 'The organisation revoked; null on an error.' })
  organisationId!: string | null;

  @Field(() => DateTimeISOResolver, { nullable: true, description: 'Tokens of the organisation issued until then are refused; later ones work.' })
  revokedAt!: Date | null;

  @Field(() => RevocationError, { nullable: true, description: 'Why it was refused; null when done.' })
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
  async revokeToken(@Arg('input', { description: 'The token.' }) input: RevokeTokenInput, @Ctx() ctx: SubgraphContext<unknown>): Promise<RevokeTokenPayload> {
    const result = await revokeToken(sqlOfDataSource(ctx.dataSource), { tokenId: input.tokenId, revokedBy: ctx.caller.organisationId, reason: input.reason });
    return { tokenId: result.error ? null : input.tokenId, ...payload(result) };
  }

  @Authorized(Role.OPERATOR)
  @Mutation(() => RevokeOrganisationPayload, { description: "Refuses every token of an organisation issued until now (an organisation deleted, or its tokens leaked)." })
  async revokeOrganisation(@Arg('input', { description: 'The organisation.' }) input: RevokeOrganisationInput, @Ctx() ctx: SubgraphContext<unknown>): Promise<RevokeOrganisationPayload> {
    const result = await revokeOrganisation(sqlOfDataSource(ctx.dataSource), {
      organisationId: input.organisationId,
      revokedBy: ctx.caller.organisationId,
      reason: input.reason,
    });
    return { organisationId: result.error ? null : input.organisationId, ...payload(result) };
  }
}
