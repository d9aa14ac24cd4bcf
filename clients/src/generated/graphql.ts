/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** Issued by the operator, allocated to a distributor, handed out to a person. */
export type BookState =
  /** Given to a distributor, not yet handed out. */
  | 'ALLOCATED'
  /** Handed to a person: its vouchers can be redeemed. */
  | 'HANDED_OUT'
  /** Issued by the operator, not yet given to a distributor. */
  | 'ISSUED'
  /** Reported lost or stolen by its distributor: its unused vouchers are blocked. */
  | 'LOST';

/** What kind of organisation a distributor is. */
export type DistributorKind =
  /** An association. */
  | 'ASSOCIATION'
  /** A municipal social action centre (centre communal d'action sociale). */
  | 'CCAS'
  /** An apprentice training centre (centre de formation d'apprentis). */
  | 'CFA'
  /** A Mission locale, for 16-25-year-olds. */
  | 'MISSION_LOCALE'
  /** Any other organisation. */
  | 'OTHER'
  /** A Pôle emploi (France Travail) agency. */
  | 'POLE_EMPLOI'
  /** A social centre. */
  | 'SOCIAL_CENTRE'
  /** A town hall desk. */
  | 'TOWN_HALL';

/** Where an order is: vouchers become usable only once it is paid. */
export type OrderStatus =
  /** The funder paid; its books can be issued. */
  | 'PAID'
  /** Ordered, not yet paid. */
  | 'PLACED';

/** The three axes of the programme's workshops. */
export type WorkshopAxis =
  /** Discover digital life. */
  | 'DISCOVER'
  /** Be autonomous: control one's data, find a job. */
  | 'EMPOWER'
  /** Master the tools and online procedures. */
  | 'MASTER';

export type CoordinatorProgrammeQueryVariables = Exact<{
  programmeId: string | number;
}>;


export type CoordinatorProgrammeQuery = { __typename: 'Query', programme: { __typename: 'Programme', name: string, territory: Array<string>, booksIssued: number, booksAllocated: number, booksHandedOut: number, vouchersIssued: number, vouchersRedeemed: number, redeemedAmountCents: number, qualifiedVenues: Array<{ __typename: 'Venue', id: string, name: string }>, venueActivity: Array<{ __typename: 'VenueActivity', vouchersRedeemed: number, amountCents: number, venue: { __typename: 'Venue', name: string } }>, distributorActivity: Array<{ __typename: 'DistributorActivity', booksAllocated: number, booksHandedOut: number, vouchersRedeemed: number, distributor: { __typename: 'Distributor', name: string, kind: DistributorKind } }> } };

export type DistributorBooksQueryVariables = Exact<{
  distributorId: string | number;
  first?: number | null | undefined;
}>;


export type DistributorBooksQuery = { __typename: 'Query', distributor: { __typename: 'Distributor', name: string, booksAllocated: number, booksHandedOut: number, vouchersRedeemed: number, books: Array<{ __typename: 'Book', code: string, state: BookState, handedOutAt: string | null, vouchersUsed: number, beneficiary: { __typename: 'Beneficiary', pseudonym: string } | null, redemptions: Array<{ __typename: 'Redemption', redeemedAt: string, amountCents: number, venue: { __typename: 'Venue', name: string } }> }> } };

export type FunderProgrammesQueryVariables = Exact<{
  funderId: string | number;
}>;


export type FunderProgrammesQuery = { __typename: 'Query', funder: { __typename: 'Funder', name: string, programmes: Array<{ __typename: 'Programme', id: string, name: string, validFrom: string, validUntil: string, budgetCents: number, booksIssued: number, booksHandedOut: number, vouchersRedeemed: number, redeemedAmountCents: number, outstandingAmountCents: number, fundingShares: Array<{ __typename: 'FundingShare', basisPoints: number, funder: { __typename: 'Funder', name: string } }>, orders: Array<{ __typename: 'Order', id: string, bookCount: number, vouchersPerBook: number, faceValueCents: number, faceValueTotalCents: number, status: OrderStatus, paidAt: string | null }>, venueActivity: Array<{ __typename: 'VenueActivity', vouchersRedeemed: number, amountCents: number, venue: { __typename: 'Venue', id: string, name: string, inseeCode: string } }> }> } };

export type VenueSessionsQueryVariables = Exact<{
  venueId: string | number;
}>;


export type VenueSessionsQuery = { __typename: 'Query', venue: { __typename: 'Venue', name: string, amountDueCents: number, sessions: Array<{ __typename: 'WorkshopSession', id: string, startsAt: string, seats: number, workshop: { __typename: 'Workshop', topic: string, axis: WorkshopAxis, durationMinutes: number }, redemptions: Array<{ __typename: 'Redemption', cursor: string, redeemedAt: string, amountCents: number, voucher: { __typename: 'Voucher', code: string }, programme: { __typename: 'Programme', name: string } }> }> } };


export const CoordinatorProgrammeDocument = {"__meta__":{"hash":"13fa390c2f71a354d647a88d52c126944856f4c8582a14966cafcb7fee1113fd"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CoordinatorProgramme"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"programmeId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"programme"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"programmeId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"territory"}},{"kind":"Field","name":{"kind":"Name","value":"booksIssued"}},{"kind":"Field","name":{"kind":"Name","value":"booksAllocated"}},{"kind":"Field","name":{"kind":"Name","value":"booksHandedOut"}},{"kind":"Field","name":{"kind":"Name","value":"vouchersIssued"}},{"kind":"Field","name":{"kind":"Name","value":"vouchersRedeemed"}},{"kind":"Field","name":{"kind":"Name","value":"redeemedAmountCents"}},{"kind":"Field","name":{"kind":"Name","value":"qualifiedVenues"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"venueActivity"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"venue"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"vouchersRedeemed"}},{"kind":"Field","name":{"kind":"Name","value":"amountCents"}}]}},{"kind":"Field","name":{"kind":"Name","value":"distributorActivity"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"distributor"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}}]}},{"kind":"Field","name":{"kind":"Name","value":"booksAllocated"}},{"kind":"Field","name":{"kind":"Name","value":"booksHandedOut"}},{"kind":"Field","name":{"kind":"Name","value":"vouchersRedeemed"}}]}}]}}]}}]} as unknown as DocumentNode<CoordinatorProgrammeQuery, CoordinatorProgrammeQueryVariables>;
export const DistributorBooksDocument = {"__meta__":{"hash":"34c24585c23cef762753c28fec79db87d109305b7dd9c4af9bf103d7651b62dd"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DistributorBooks"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"distributorId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}},"defaultValue":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"distributor"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"distributorId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"booksAllocated"}},{"kind":"Field","name":{"kind":"Name","value":"booksHandedOut"}},{"kind":"Field","name":{"kind":"Name","value":"vouchersRedeemed"}},{"kind":"Field","name":{"kind":"Name","value":"books"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"handedOutAt"}},{"kind":"Field","name":{"kind":"Name","value":"beneficiary"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"pseudonym"}}]}},{"kind":"Field","name":{"kind":"Name","value":"vouchersUsed"}},{"kind":"Field","name":{"kind":"Name","value":"redemptions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"redeemedAt"}},{"kind":"Field","name":{"kind":"Name","value":"amountCents"}},{"kind":"Field","name":{"kind":"Name","value":"venue"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<DistributorBooksQuery, DistributorBooksQueryVariables>;
export const FunderProgrammesDocument = {"__meta__":{"hash":"c62be3765f79cf6f555237b71e93777815152b7ba1d69b91390ddc9b8bfb9aed"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"FunderProgrammes"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"funderId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"funder"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"funderId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"programmes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"validFrom"}},{"kind":"Field","name":{"kind":"Name","value":"validUntil"}},{"kind":"Field","name":{"kind":"Name","value":"budgetCents"}},{"kind":"Field","name":{"kind":"Name","value":"fundingShares"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"basisPoints"}},{"kind":"Field","name":{"kind":"Name","value":"funder"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"orders"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"bookCount"}},{"kind":"Field","name":{"kind":"Name","value":"vouchersPerBook"}},{"kind":"Field","name":{"kind":"Name","value":"faceValueCents"}},{"kind":"Field","name":{"kind":"Name","value":"faceValueTotalCents"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"paidAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"booksIssued"}},{"kind":"Field","name":{"kind":"Name","value":"booksHandedOut"}},{"kind":"Field","name":{"kind":"Name","value":"vouchersRedeemed"}},{"kind":"Field","name":{"kind":"Name","value":"redeemedAmountCents"}},{"kind":"Field","name":{"kind":"Name","value":"outstandingAmountCents"}},{"kind":"Field","name":{"kind":"Name","value":"venueActivity"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"venue"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"inseeCode"}}]}},{"kind":"Field","name":{"kind":"Name","value":"vouchersRedeemed"}},{"kind":"Field","name":{"kind":"Name","value":"amountCents"}}]}}]}}]}}]}}]} as unknown as DocumentNode<FunderProgrammesQuery, FunderProgrammesQueryVariables>;
export const VenueSessionsDocument = {"__meta__":{"hash":"7ab1ca84f385203721609b862dbbff582563c30ae019f4c6f89de37d05e02b75"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"VenueSessions"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"venueId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"venue"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"venueId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"amountDueCents"}},{"kind":"Field","name":{"kind":"Name","value":"sessions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"startsAt"}},{"kind":"Field","name":{"kind":"Name","value":"seats"}},{"kind":"Field","name":{"kind":"Name","value":"workshop"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"topic"}},{"kind":"Field","name":{"kind":"Name","value":"axis"}},{"kind":"Field","name":{"kind":"Name","value":"durationMinutes"}}]}},{"kind":"Field","name":{"kind":"Name","value":"redemptions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"redeemedAt"}},{"kind":"Field","name":{"kind":"Name","value":"amountCents"}},{"kind":"Field","name":{"kind":"Name","value":"voucher"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"code"}}]}},{"kind":"Field","name":{"kind":"Name","value":"programme"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<VenueSessionsQuery, VenueSessionsQueryVariables>;