/**
 * The kinds of organisation that call the hub (DOMAIN.md, "Roles"). A contract: tokens carry the
 * role, the access rules and the pages read it, and every process's configuration checks the
 * roles it is given against this list (`PASS_INTROSPECTION_ROLES`).
 */
export enum Role {
  FUNDER = 'funder',
  DISTRIBUTOR = 'distributor',
  VENUE = 'venue',
  COORDINATOR = 'coordinator',
  ANALYST = 'analyst',
  OPERATOR = 'operator',
}

export const ROLES = Object.values(Role);

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as string[]).includes(value);
}
