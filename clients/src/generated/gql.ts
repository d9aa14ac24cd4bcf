/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "query CoordinatorProgramme($programmeId: ID!) {\n  programme(id: $programmeId) {\n    name\n    territory\n    booksIssued\n    booksAllocated\n    booksHandedOut\n    vouchersIssued\n    vouchersRedeemed\n    redeemedAmountCents\n    qualifiedVenues {\n      id\n      name\n    }\n    venueActivity {\n      venue {\n        name\n      }\n      vouchersRedeemed\n      amountCents\n    }\n    distributorActivity {\n      distributor {\n        name\n        kind\n      }\n      booksAllocated\n      booksHandedOut\n      vouchersRedeemed\n    }\n  }\n}": typeof types.CoordinatorProgrammeDocument,
    "query DistributorBooks($distributorId: ID!, $first: Int = 100) {\n  distributor(id: $distributorId) {\n    name\n    booksAllocated\n    booksHandedOut\n    vouchersRedeemed\n    books(first: $first) {\n      code\n      state\n      handedOutAt\n      beneficiary {\n        pseudonym\n      }\n      vouchersUsed\n      redemptions {\n        redeemedAt\n        amountCents\n        venue {\n          name\n        }\n      }\n    }\n  }\n}": typeof types.DistributorBooksDocument,
    "query FunderProgrammes($funderId: ID!) {\n  funder(id: $funderId) {\n    name\n    programmes {\n      id\n      name\n      validFrom\n      validUntil\n      budgetCents\n      fundingShares {\n        basisPoints\n        funder {\n          name\n        }\n      }\n      orders {\n        id\n        bookCount\n        vouchersPerBook\n        faceValueCents\n        faceValueTotalCents\n        status\n        paidAt\n      }\n      booksIssued\n      booksHandedOut\n      vouchersRedeemed\n      redeemedAmountCents\n      outstandingAmountCents\n      venueActivity {\n        venue {\n          id\n          name\n          inseeCode\n        }\n        vouchersRedeemed\n        amountCents\n      }\n    }\n  }\n}": typeof types.FunderProgrammesDocument,
    "query VenueSessions($venueId: ID!) {\n  venue(id: $venueId) {\n    name\n    amountDueCents\n    sessions {\n      id\n      startsAt\n      seats\n      workshop {\n        topic\n        axis\n        durationMinutes\n      }\n      redemptions {\n        cursor\n        redeemedAt\n        amountCents\n        voucher {\n          code\n        }\n        programme {\n          name\n        }\n      }\n    }\n  }\n}": typeof types.VenueSessionsDocument,
};
const documents: Documents = {
    "query CoordinatorProgramme($programmeId: ID!) {\n  programme(id: $programmeId) {\n    name\n    territory\n    booksIssued\n    booksAllocated\n    booksHandedOut\n    vouchersIssued\n    vouchersRedeemed\n    redeemedAmountCents\n    qualifiedVenues {\n      id\n      name\n    }\n    venueActivity {\n      venue {\n        name\n      }\n      vouchersRedeemed\n      amountCents\n    }\n    distributorActivity {\n      distributor {\n        name\n        kind\n      }\n      booksAllocated\n      booksHandedOut\n      vouchersRedeemed\n    }\n  }\n}": types.CoordinatorProgrammeDocument,
    "query DistributorBooks($distributorId: ID!, $first: Int = 100) {\n  distributor(id: $distributorId) {\n    name\n    booksAllocated\n    booksHandedOut\n    vouchersRedeemed\n    books(first: $first) {\n      code\n      state\n      handedOutAt\n      beneficiary {\n        pseudonym\n      }\n      vouchersUsed\n      redemptions {\n        redeemedAt\n        amountCents\n        venue {\n          name\n        }\n      }\n    }\n  }\n}": types.DistributorBooksDocument,
    "query FunderProgrammes($funderId: ID!) {\n  funder(id: $funderId) {\n    name\n    programmes {\n      id\n      name\n      validFrom\n      validUntil\n      budgetCents\n      fundingShares {\n        basisPoints\n        funder {\n          name\n        }\n      }\n      orders {\n        id\n        bookCount\n        vouchersPerBook\n        faceValueCents\n        faceValueTotalCents\n        status\n        paidAt\n      }\n      booksIssued\n      booksHandedOut\n      vouchersRedeemed\n      redeemedAmountCents\n      outstandingAmountCents\n      venueActivity {\n        venue {\n          id\n          name\n          inseeCode\n        }\n        vouchersRedeemed\n        amountCents\n      }\n    }\n  }\n}": types.FunderProgrammesDocument,
    "query VenueSessions($venueId: ID!) {\n  venue(id: $venueId) {\n    name\n    amountDueCents\n    sessions {\n      id\n      startsAt\n      seats\n      workshop {\n        topic\n        axis\n        durationMinutes\n      }\n      redemptions {\n        cursor\n        redeemedAt\n        amountCents\n        voucher {\n          code\n        }\n        programme {\n          name\n        }\n      }\n    }\n  }\n}": types.VenueSessionsDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query CoordinatorProgramme($programmeId: ID!) {\n  programme(id: $programmeId) {\n    name\n    territory\n    booksIssued\n    booksAllocated\n    booksHandedOut\n    vouchersIssued\n    vouchersRedeemed\n    redeemedAmountCents\n    qualifiedVenues {\n      id\n      name\n    }\n    venueActivity {\n      venue {\n        name\n      }\n      vouchersRedeemed\n      amountCents\n    }\n    distributorActivity {\n      distributor {\n        name\n        kind\n      }\n      booksAllocated\n      booksHandedOut\n      vouchersRedeemed\n    }\n  }\n}"): (typeof documents)["query CoordinatorProgramme($programmeId: ID!) {\n  programme(id: $programmeId) {\n    name\n    territory\n    booksIssued\n    booksAllocated\n    booksHandedOut\n    vouchersIssued\n    vouchersRedeemed\n    redeemedAmountCents\n    qualifiedVenues {\n      id\n      name\n    }\n    venueActivity {\n      venue {\n        name\n      }\n      vouchersRedeemed\n      amountCents\n    }\n    distributorActivity {\n      distributor {\n        name\n        kind\n      }\n      booksAllocated\n      booksHandedOut\n      vouchersRedeemed\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query DistributorBooks($distributorId: ID!, $first: Int = 100) {\n  distributor(id: $distributorId) {\n    name\n    booksAllocated\n    booksHandedOut\n    vouchersRedeemed\n    books(first: $first) {\n      code\n      state\n      handedOutAt\n      beneficiary {\n        pseudonym\n      }\n      vouchersUsed\n      redemptions {\n        redeemedAt\n        amountCents\n        venue {\n          name\n        }\n      }\n    }\n  }\n}"): (typeof documents)["query DistributorBooks($distributorId: ID!, $first: Int = 100) {\n  distributor(id: $distributorId) {\n    name\n    booksAllocated\n    booksHandedOut\n    vouchersRedeemed\n    books(first: $first) {\n      code\n      state\n      handedOutAt\n      beneficiary {\n        pseudonym\n      }\n      vouchersUsed\n      redemptions {\n        redeemedAt\n        amountCents\n        venue {\n          name\n        }\n      }\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query FunderProgrammes($funderId: ID!) {\n  funder(id: $funderId) {\n    name\n    programmes {\n      id\n      name\n      validFrom\n      validUntil\n      budgetCents\n      fundingShares {\n        basisPoints\n        funder {\n          name\n        }\n      }\n      orders {\n        id\n        bookCount\n        vouchersPerBook\n        faceValueCents\n        faceValueTotalCents\n        status\n        paidAt\n      }\n      booksIssued\n      booksHandedOut\n      vouchersRedeemed\n      redeemedAmountCents\n      outstandingAmountCents\n      venueActivity {\n        venue {\n          id\n          name\n          inseeCode\n        }\n        vouchersRedeemed\n        amountCents\n      }\n    }\n  }\n}"): (typeof documents)["query FunderProgrammes($funderId: ID!) {\n  funder(id: $funderId) {\n    name\n    programmes {\n      id\n      name\n      validFrom\n      validUntil\n      budgetCents\n      fundingShares {\n        basisPoints\n        funder {\n          name\n        }\n      }\n      orders {\n        id\n        bookCount\n        vouchersPerBook\n        faceValueCents\n        faceValueTotalCents\n        status\n        paidAt\n      }\n      booksIssued\n      booksHandedOut\n      vouchersRedeemed\n      redeemedAmountCents\n      outstandingAmountCents\n      venueActivity {\n        venue {\n          id\n          name\n          inseeCode\n        }\n        vouchersRedeemed\n        amountCents\n      }\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query VenueSessions($venueId: ID!) {\n  venue(id: $venueId) {\n    name\n    amountDueCents\n    sessions {\n      id\n      startsAt\n      seats\n      workshop {\n        topic\n        axis\n        durationMinutes\n      }\n      redemptions {\n        cursor\n        redeemedAt\n        amountCents\n        voucher {\n          code\n        }\n        programme {\n          name\n        }\n      }\n    }\n  }\n}"): (typeof documents)["query VenueSessions($venueId: ID!) {\n  venue(id: $venueId) {\n    name\n    amountDueCents\n    sessions {\n      id\n      startsAt\n      seats\n      workshop {\n        topic\n        axis\n        durationMinutes\n      }\n      redemptions {\n        cursor\n        redeemedAt\n        amountCents\n        voucher {\n          code\n        }\n        programme {\n          name\n        }\n      }\n    }\n  }\n}"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;