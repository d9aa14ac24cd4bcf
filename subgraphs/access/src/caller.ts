import { Role } from '@pass/contracts';

// The roles are a contract shared with every process (and the browser): @pass/contracts holds them.
export { Role, ROLES, isRole } from '@pass/contracts';

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
