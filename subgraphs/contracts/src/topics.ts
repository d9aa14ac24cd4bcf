/**
 * The facts subgraphs publish for each other: the contract of the event bus. A subgraph never
 * reads another's tables; it keeps a replica of these facts in its own schema.
 */
export interface EligibilityRulesFact {
  minAge: number | null;
  maxAge: number | null;
  maxEducationLevel: string | null;
  statusesAnyOf: string[];
}

export interface ProgrammeDefined {
  programmeId: string;
  name: string;
  /** Typed INSEE entries such as `epci:200068047`, `departement:23`, `commune:60175`. */
  territory: string[];
  validFrom: string;
  validUntil: string;
  eligibility: EligibilityRulesFact;
  shares: { funderId: string; basisPoints: number }[];
}

export interface OrderPaid {
  orderId: string;
  programmeId: string;
  funderId: string;
  bookCount: number;
  vouchersPerBook: number;
  faceValueCents: number;
}

export interface VenueQualified {
  venueId: string;
  programmeId: string;
  qualified: boolean;
}

/**
 * A venue as other subgraphs may show it: published by the venues subgraph with every write of a
 * venue (registration, an import row that changed it) and once for every venue when the fact was
 * introduced. The latest one wins.
 */
export interface VenueDescribed {
  venueId: string;
  name: string;
  inseeCode: string;
}

export interface SessionScheduled {
  sessionId: string;
  venueId: string;
  inseeCode: string;
  startsAt: string;
  seats: number;
}

export interface DistributorRegistered {
  distributorId: string;
  name: string;
}

export interface BeneficiaryRegistered {
  beneficiaryId: string;
  distributorId: string;
  /** Programmes whose eligibility rules the person met when registered. */
  eligibleProgrammeIds: string[];
}

/**
 * A beneficiary's personal data was erased by the beneficiaries subgraph (an erasure request, or
 * the anonymisation job 12 months after their programme ended). Each subgraph holding anything
 * about that person strips it in its own tables. The id no longer leads to a person anywhere.
 */
export interface BeneficiaryErased {
  beneficiaryId: string;
  /** ERASURE_REQUEST or ANONYMISATION. */
  reason: string;
  erasedAt: string;
}

export const Topics = {
  programmeDefined: 'programme.defined',
  orderPaid: 'order.paid',
  venueQualified: 'venue.qualified',
  venueDescribed: 'venue.described',
  sessionScheduled: 'session.scheduled',
  distributorRegistered: 'distributor.registered',
  beneficiaryRegistered: 'beneficiary.registered',
  beneficiaryErased: 'beneficiary.erased',
} as const;
