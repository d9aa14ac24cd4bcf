import { randomUUID } from 'node:crypto';
import type { TestHub } from '../kit';
import { registerVenue } from '@pass/venues';
import { HAND_OUT, REGISTER_BENEFICIARY, allocate, csoPerson, distributorToken, gql, inWaves, scheduleSessions, seedSmallProgramme, venueToken } from '../kit/lifecycle';

/** Everything a selection of `redemptionRecorded` can reach, from the four subgraphs. */
export const EVENT_FIELDS = `cursor redemption { id amountCents venue { name } session { workshop { topic axis } }
  voucher { book { distributor { name } programme { name } } } }`;

export const SUBSCRIBE = `subscription Live($programmeId: ID, $venueId: ID, $after: String) {
  redemptionRecorded(programmeId: $programmeId, venueId: $venueId, after: $after) { ${EVENT_FIELDS} }
}`;

export const SUBSCRIBE_IDS = `subscription LiveIds($programmeId: ID, $venueId: ID, $after: String) {
  redemptionRecorded(programmeId: $programmeId, venueId: $venueId, after: $after) { cursor redemption { id } }
}`;

export interface LiveProgramme {
  programmeId: string;
  distributorId: string;
  venueId: string;
  /** Sessions of the venue, 100 seats each. */
  sessions: string[];
  /** Usable voucher codes, book after book (five per book). */
  vouchers: string[];
}

export const newVenue = (hub: TestHub, name: string) =>
  registerVenue(hub.subgraphs.venues.dataSource, { name, address: 'Creil', inseeCode: '60175' }).then((v) => v.id);

/**
 * A programme of `books` books handed out to as many people, and `sessionCount` sessions at a
 * new venue; done through the API like partners do, in waves.
 */
export async function seedLiveProgramme(hub: TestHub, books: number, sessionCount: number, venueName: string): Promise<LiveProgramme> {
  const venueId = await newVenue(hub, venueName);
  const { programmeId, distributorId } = await seedSmallProgramme(hub, books, venueId);
  const asDistributor = await distributorToken(hub, distributorId);
  const people = await inWaves(books, 10, async () => {
    const data = await gql(
      hub,
      REGISTER_BENEFICIARY,
      { input: { ...csoPerson(), distributorId, programmeId, consentAt: new Date(Date.now() - 60_000).toISOString() } },
      asDistributor,
    );
    return data.registerBeneficiary.beneficiary.id as string;
  });
  await hub.catchUp();
  const allocated = await allocate(hub, programmeId, distributorId, books);
  const handed = await inWaves(books, 10, async (i) => {
    const data = await gql(hub, HAND_OUT, { input: { bookCode: allocated[i]!.code, beneficiaryId: people[i], distributorId } }, asDistributor);
    return data.handOutBook.book.vouchers.map((v: { code: string }) => v.code) as string[];
  });
  const sessions = await scheduleSessions(hub, venueId, sessionCount, 100);
  return { programmeId, distributorId, venueId, sessions, vouchers: handed.flat() };
}

/** Qualifies one more venue for a programme, with its own sessions. */
export async function addVenue(hub: TestHub, programmeId: string, name: string, sessionCount = 5): Promise<{ venueId: string; sessions: string[] }> {
  const venueId = await newVenue(hub, name);
  await gql(hub, `mutation ($venueId: ID!, $programmeId: ID!) { qualifyVenue(input: { venueId: $venueId, programmeId: $programmeId }) { venue { id } } }`, { venueId, programmeId });
  const sessions = await scheduleSessions(hub, venueId, sessionCount, 100);
  return { venueId, sessions };
}

/**
 * Redeems voucher number `k` of the list at a venue: its session is `k mod sessions`, so the five
 * vouchers of a book land in five sessions (one voucher of a book per sitting).
 */
export async function redeemNth(hub: TestHub, token: string, voucherCode: string, k: number, sessions: string[]) {
  const input = { voucherCode, sessionId: sessions[k % sessions.length], idempotencyKey: `live-${randomUUID()}` };
  const send = () =>
    gql(hub, `mutation ($input: RedeemVoucherInput!) { redeemVoucher(input: $input) { redemption { id cursor } error { code message } } }`, { input }, token);
  // A loaded machine sometimes resets a keep-alive connection between gateway and subgraph; the
  // same idempotency key makes the retry safe (it replays the first answer if there was one).
  const data = await send().catch(() => send()).catch(() => send());
  if (!data.redeemVoucher.redemption) throw new Error(`redemption refused: ${JSON.stringify(data.redeemVoucher.error)}`);
  return data.redeemVoucher.redemption as { id: string; cursor: string };
}

/** Tokens of one venue, enough that a burst stays under the per-token rate limit. */
export const venueTokens = (hub: TestHub, venueId: string, count: number) => Promise.all(Array.from({ length: count }, () => venueToken(hub, venueId)));

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
