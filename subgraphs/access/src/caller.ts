/** The kinds of organisation that call the hub (DOMAIN.md, "Roles"). */
export enum Role {
  FUNDER = 'funder',
  DISTRIBUTOR = 'distributor',
  VENUE = 'venue',
  COORDINATOR = 'coordinator',
  ANALYST = 'analyst',
  OPERATOR = 'operator',
}

export const ROLES = Object.values(Role);

/**
 * Who is calling: an organisation with one role. For funders, distributors and venues the
 * organisation id is the id of their entity in the hub; a coordinator carries the programmes of
 * its territory.
 */
export interface Caller {
  organisationId: string;
  role: Role;
  scopes: string[];
  /** Coordinators only: the programmes they coordinate. */
  programmeIds?: string[];
  /** The token's id, for the audit log and rate limiting. */
  tokenId: string;
}

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as string[]).includes(value);
}
