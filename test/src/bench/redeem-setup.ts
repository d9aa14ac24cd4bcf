import { Role, mintPartnerToken } from '@pass/access';
import type { HubHandle } from '@pass/clients';
import { createProgramme, FunderKind, placeOrder, recordOrderPayment, registerFunder } from '@pass/programmes';
import { DistributorKind, registerDistributor } from '@pass/beneficiaries';
import { WorkshopAxis, publishWorkshop, qualifyVenue, registerVenue, scheduleSession } from '@pass/venues';
import { handOutEveryBook, inBatches } from './bench-kit';
import { accepted } from '../kit/accepted';

/*
 * What the redemption benchmarks (bench:redeem, and the redemption rows of `npm run bench`) set
 * up through the managers: a benchmark programme with its books issued, allocated to a
 * distributor and each handed to a registered person; venues qualified for it, each with
 * `sessionsPerVenue` sessions of SEATS seats (one voucher pays one sitting) and a token of its own.
 */

export const SEATS = 100;
export const VOUCHERS_PER_BOOK = 10;

export interface PreparedRedemptions {
  programmeId: string;
  /** Usable voucher codes, of handed-out books, book by book. */
  voucherCodes: string[];
  /** Per venue: its token and its sessions (the first one is `sessionId`). */
  venues: { venueId: string; sessionId: string; sessionIds: string[]; token: string }[];
}

const isoDay = (d: Date) => d.toISOString().slice(0, 10);

export async function prepareRedemptions(hub: HubHandle, options: { vouchers: number; venues: number; sessionsPerVenue?: number }): Promise<PreparedRedemptions> {
  const programmes = hub.subgraphs.programmes.dataSource;
  const beneficiaries = hub.subgraphs.beneficiaries.dataSource;
  const venues = hub.subgraphs.venues.dataSource;
  const now = new Date();
  const books = Math.ceil(options.vouchers / VOUCHERS_PER_BOOK);

  const funder = accepted(await registerFunder(programmes, { name: 'Benchmark region', kind: FunderKind.REGION }), 'funder');
  const programme = accepted(await createProgramme(programmes, {
    name: 'Pass numérique benchmark',
    territory: ['region:27'],
    eligibility: { statusesAnyOf: [] },
    validFrom: isoDay(new Date(now.getTime() - 30 * 86_400_000)),
    validUntil: isoDay(new Date(now.getTime() + 365 * 86_400_000)),
    budgetCents: books * VOUCHERS_PER_BOOK * 1000,
    shares: [{ funderId: funder.id, basisPoints: 10_000 }],
  }), 'programme');
  const order = accepted(await placeOrder(programmes, { programmeId: programme.id, funderId: funder.id, bookCount: books, vouchersPerBook: VOUCHERS_PER_BOOK, faceValueCents: 1000 }), 'order');
  await recordOrderPayment(programmes, order.id);
  const distributor = accepted(await registerDistributor(beneficiaries, { name: 'Mission locale benchmark', kind: DistributorKind.MISSION_LOCALE, inseeCode: '21231' }), 'distributor');

  const venueRows: PreparedRedemptions['venues'] = [];
  // Qualification checks the programme's territory, replicated to the venues subgraph.
  await hub.catchUp();
  await inBatches(
    Array.from({ length: options.venues }, (_, i) => i),
    8,
    async (i) => {
      const venue = await registerVenue(venues, { name: `Espace numérique benchmark ${i + 1}`, inseeCode: '21231', address: 'Dijon' });
      await qualifyVenue(venues, venue.id, programme.id);
      const workshop = await publishWorkshop(venues, { venueId: venue.id, axis: WorkshopAxis.MASTER, topic: 'Online admin procedures', durationMinutes: 90, seats: SEATS });
      const sessionIds: string[] = [];
      for (let s = 0; s < (options.sessionsPerVenue ?? 1); s += 1) {
        sessionIds.push((await scheduleSession(venues, { workshopId: workshop.id, startsAt: new Date(now.getTime() - (30 + 100 * s) * 60_000) })).id);
      }
      const token = await mintPartnerToken(hub.keys.partnerSigning, { organisationId: venue.id, role: Role.VENUE, scopes: ['read', 'write'] }, { expiresIn: '1h' });
      venueRows[i] = { venueId: venue.id, sessionId: sessionIds[0]!, sessionIds, token };
    },
  );
  await hub.catchUp();

  const voucherCodes = await handOutEveryBook(hub, { programmeId: programme.id, orderId: order.id, distributorId: distributor.id, books, now });
  return { programmeId: programme.id, voucherCodes, venues: venueRows };
}
