import { GraphQLError } from 'graphql';
import { registerEnumType, type AuthChecker } from 'type-graphql';
import { Role, type Caller } from '@pass/access';

// Roles come from @pass/access, which knows no schema builder: the kit makes them a GraphQL enum.
registerEnumType(Role, { name: 'Role' });

/**
 * Access is decided where the data lives, in the subgraphs: a role gate on every root field and
 * mutation (`@Authorized(...)`, checked by `roleChecker`), then row rules in resolvers and
 * reference resolvers through `ensure`. A refusal is a FORBIDDEN error that names the thing, never
 * the data.
 */
export class ForbiddenError extends GraphQLError {
  constructor(what: string) {
    super(`not allowed: ${what}`, { extensions: { code: 'FORBIDDEN' } });
  }
}

export function ensure(allowed: boolean, what: string): void {
  if (!allowed) throw new ForbiddenError(what);
}

/**
 * Throws rather than returning false, so every refusal carries the same FORBIDDEN code. A
 * mutation also needs the token's `write` scope: a read-only token cannot change anything.
 */
export const roleChecker: AuthChecker<{ caller?: Caller }, Role> = ({ context, info }, roles) => {
  const caller = context.caller;
  if (!caller || (roles.length > 0 && !roles.includes(caller.role))) {
    throw new ForbiddenError(`${info.parentType.name}.${info.fieldName} for the ${caller?.role ?? 'anonymous'} role`);
  }
  if (info.parentType.name === 'Mutation' && !caller.scopes.includes('write')) {
    throw new ForbiddenError(`${info.fieldName} with a token without the write scope`);
  }
  return true;
};

export const is = (caller: Caller, ...roles: Role[]) => roles.includes(caller.role);

/** The caller is this organisation acting in this role. */
export const isOrganisation = (caller: Caller, role: Role, organisationId: string | null | undefined) =>
  caller.role === role && !!organisationId && caller.organisationId === organisationId;

export const coordinates = (caller: Caller, programmeId: string) =>
  caller.role === Role.COORDINATOR && (caller.programmeIds ?? []).includes(programmeId);

/** Roles that see programme-level aggregates of every programme. */
export const SEES_ALL_AGGREGATES = [Role.OPERATOR, Role.ANALYST];
export const EVERY_ROLE = Object.values(Role);
