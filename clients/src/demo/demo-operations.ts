import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import {
  AcceptFundingShareDocument,
  AllocateBooksDocument,
  CreateProgrammeDocument,
  HandOutBookDocument,
  IssueBooksDocument,
  PlaceOrderDocument,
  PublishWorkshopDocument,
  QualifyVenueDocument,
  RecordOrderPaymentDocument,
  RegisterBeneficiaryDocument,
  RegisterDistributorDocument,
  RegisterFunderDocument,
  RegisterVenueDocument,
  ScheduleSessionDocument,
  VenueRedeemDocument,
  type CreateProgrammeInput,
  type DistributorKind,
  type FunderKind,
  type RegisterBeneficiaryInput,
  type RegisterVenueInput,
  type WorkshopAxis,
} from '../generated/graphql';

/**
 * Every mutation the demo loader sends, one function each, over the gateway's GraphQL endpoint
 * as a partner would: the documents are the registered operations of `clients/operations/`
 * (sent by their hash, so they run in production mode too), each answer is checked for GraphQL
 * errors and for the payload's typed `error`, and a refusal throws naming the step and the
 * partner. When a mutation's shape changes, its `.graphql` file and its function here are all
 * there is to edit.
 */

/** A partner acting through the gateway: who it is (for messages) and its bearer token. */
export interface Partner {
  who: string;
  token: string;
  gatewayUrl: string;
}

/** Refusals of the rate limiter (429) are waited out this many times before the step fails. */
const RATE_LIMIT_RETRIES = 5;

function registeredHash(document: object): string {
  const hash = (document as { __meta__?: { hash?: string } }).__meta__?.hash;
  if (!hash) throw new Error('a demo operation without a registered hash: regenerate the typed operations with `npm run compose`');
  return hash;
}

async function send<R, V>(as: Partner, step: string, document: TypedDocumentNode<R, V>, variables: V): Promise<R> {
  const body = JSON.stringify({ variables, extensions: { persistedQuery: { version: 1, sha256Hash: registeredHash(document) } } });
  for (let attempt = 0; ; attempt++) {
    const response = await fetch(as.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${as.token}` },
      body,
    });
    if (response.status === 429 && attempt < RATE_LIMIT_RETRIES) {
      const seconds = Number(response.headers.get('retry-after')) || 1;
      await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
      continue;
    }
    const answer = (await response.json().catch(() => ({}))) as { data?: R | null; errors?: { message: string; extensions?: { code?: string } }[] };
    if (answer.errors?.length || !answer.data) {
      const why = answer.errors?.map((e) => `${e.extensions?.code ?? 'ERROR'}: ${e.message}`).join('; ') ?? `HTTP ${response.status}`;
      throw new Error(`demo data: ${step} as ${as.who} failed (${why})`);
    }
    return answer.data;
  }
}

/** The payload's result, or the step fails with the payload's refusal (every mutation answers one or the other). */
function resultOf<P extends { error?: { code: string; message: string } | null }, K extends keyof P>(as: Partner, step: string, payload: P, key: K): NonNullable<P[K]> {
  const result = payload[key];
  if (result === null || result === undefined) refused(as, step, payload.error ?? { code: 'NO_RESULT', message: `neither ${String(key)} nor an error` });
  return result as NonNullable<P[K]>;
}

/** A typed refusal in a payload: the step fails with its code and message. */
function refused(as: Partner, step: string, error: { code: string; message: string }): never {
  throw new Error(`demo data: ${step} as ${as.who} was refused (${error.code}: ${error.message})`);
}

export async function registerFunder(as: Partner, input: { name: string; kind: FunderKind }): Promise<string> {
  const step = `registerFunder "${input.name}"`;
  return resultOf(as, step, (await send(as, step, RegisterFunderDocument, input)).registerFunder, 'funder').id;
}

export async function registerDistributor(as: Partner, input: { name: string; kind: DistributorKind; inseeCode: string }): Promise<string> {
  const step = `registerDistributor "${input.name}"`;
  return resultOf(as, step, (await send(as, step, RegisterDistributorDocument, input)).registerDistributor, 'distributor').id;
}

export async function createProgramme(as: Partner, input: CreateProgrammeInput): Promise<string> {
  const step = `createProgramme "${input.name}"`;
  return resultOf(as, step, (await send(as, step, CreateProgrammeDocument, { input })).createProgramme, 'programme').id;
}

export async function acceptFundingShare(as: Partner, input: { programmeId: string; funderId: string }): Promise<void> {
  const step = `acceptFundingShare of programme ${input.programmeId}`;
  const { acceptFundingShare: answer } = await send(as, step, AcceptFundingShareDocument, { input });
  if (answer.error) refused(as, step, answer.error);
}

export async function placeOrder(as: Partner, input: { programmeId: string; funderId: string; bookCount: number; vouchersPerBook: number }): Promise<string> {
  const step = `placeOrder of ${input.bookCount} books`;
  return resultOf(as, step, (await send(as, step, PlaceOrderDocument, input)).placeOrder, 'order').id;
}

export async function recordOrderPayment(as: Partner, orderId: string): Promise<void> {
  const step = `recordOrderPayment of order ${orderId}`;
  resultOf(as, step, (await send(as, step, RecordOrderPaymentDocument, { orderId })).recordOrderPayment, 'order');
}

/** The number of books issued. */
export async function issueBooks(as: Partner, orderId: string): Promise<number> {
  const step = `issueBooks of order ${orderId}`;
  const { issueBooks: answer } = await send(as, step, IssueBooksDocument, { orderId });
  if (answer.error) refused(as, step, answer.error);
  return answer.booksIssued ?? 0;
}

/** The codes of the books allocated. */
export async function allocateBooks(as: Partner, input: { programmeId: string; distributorId: string; quantity: number }): Promise<string[]> {
  const step = `allocateBooks of ${input.quantity} books to ${input.distributorId}`;
  return resultOf(as, step, (await send(as, step, AllocateBooksDocument, input)).allocateBooks, 'books').map((b) => b.code);
}

export async function registerVenue(as: Partner, input: RegisterVenueInput): Promise<string> {
  const step = `registerVenue "${input.name}"`;
  const { registerVenue: answer } = await send(as, step, RegisterVenueDocument, { input });
  if (!answer.venue) refused(as, step, answer.error ?? { code: 'NO_VENUE', message: 'neither a venue nor an error' });
  return answer.venue.id;
}

export async function qualifyVenue(as: Partner, input: { venueId: string; programmeId: string }): Promise<void> {
  const step = `qualifyVenue ${input.venueId} for programme ${input.programmeId}`;
  resultOf(as, step, (await send(as, step, QualifyVenueDocument, input)).qualifyVenue, 'venue');
}

export async function publishWorkshop(as: Partner, input: { venueId: string; axis: WorkshopAxis; topic: string; durationMinutes: number; seats: number }): Promise<string> {
  const step = `publishWorkshop "${input.topic}"`;
  return resultOf(as, step, (await send(as, step, PublishWorkshopDocument, input)).publishWorkshop, 'workshop').id;
}

export async function scheduleSession(as: Partner, input: { workshopId: string; startsAt: Date }): Promise<string> {
  const variables = { workshopId: input.workshopId, startsAt: input.startsAt.toISOString() };
  const step = `scheduleSession of workshop ${input.workshopId}`;
  return resultOf(as, step, (await send(as, step, ScheduleSessionDocument, variables)).scheduleSession, 'session').id;
}

export async function registerBeneficiary(as: Partner, input: RegisterBeneficiaryInput): Promise<string> {
  const step = `registerBeneficiary for programme ${input.programmeId}`;
  const { registerBeneficiary: answer } = await send(as, step, RegisterBeneficiaryDocument, { input });
  if (!answer.beneficiary) refused(as, step, answer.error ?? { code: 'NO_BENEFICIARY', message: 'neither a beneficiary nor an error' });
  return answer.beneficiary.id;
}

/** The book handed out, with its voucher codes in code order. */
export async function handOutBook(as: Partner, input: { bookCode: string; beneficiaryId: string; distributorId: string }): Promise<{ id: string; voucherCodes: string[] }> {
  const step = `handOutBook ${input.bookCode}`;
  const { handOutBook: answer } = await send(as, step, HandOutBookDocument, { input });
  if (!answer.book) refused(as, step, answer.error ?? { code: 'NO_BOOK', message: 'neither a book nor an error' });
  return { id: answer.book.id, voucherCodes: answer.book.vouchers.map((v) => v.code).sort() };
}

export async function redeemVoucher(as: Partner, input: { voucherCode: string; sessionId: string; idempotencyKey: string }): Promise<string> {
  const step = `redeemVoucher ${input.voucherCode}`;
  const { redeemVoucher: answer } = await send(as, step, VenueRedeemDocument, { input });
  if (!answer.redemption) refused(as, step, answer.error ?? { code: 'NO_REDEMPTION', message: 'neither a redemption nor an error' });
  return answer.redemption.id;
}

/**
 * `work` over `items`, at most `concurrency` at a time, answers in the items' order. The gateway
 * refuses a token more than 16 requests in flight; the loader keeps well under it.
 */
export async function inParallel<T, R>(items: readonly T[], concurrency: number, work: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await work(items[i]!, i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
  return results;
}
