import { BeneficiaryStatus, EducationLevel, parisDayOf } from '@pass/contracts';
import type { Logger } from '@pass/runtime';
import { FundingShareStatus, answerFundingShare, createProgramme, placeOrder, recordOrderPayment, registerFunder, FunderKind } from '@pass/programmes';
import { DistributorKind, registerBeneficiary, registerDistributor } from '@pass/beneficiaries';
import { WorkshopAxis, publishWorkshop, qualifyVenue, registerVenue, scheduleSession } from '@pass/venues';
import { allocateBooks, handOutBook, issueBooksOfOrder, redeemVoucher } from '@pass/vouchers';
import type { HubHandle } from '../launcher/in-process';

/** The result of a step the rules accepted: a refused step of the demo data is a bug, said loudly. */
function accepted<A extends { error: { code: string; message: string } | null }, K extends Exclude<keyof A, 'error'>>(answer: A, result: K): NonNullable<A[K]> {
  const value = answer[result];
  if (answer.error || value == null) throw new Error(`demo data refused: ${answer.error?.code ?? 'no result'}: ${answer.error?.message ?? ''}`);
  return value as NonNullable<A[K]>;
}

/**
 * Demo data from the source articles, loaded through each subgraph's own managers (the same
 * rules as the API), never by raw inserts. Programme windows are set around today so that the
 * vouchers are usable; the real CSO programme ran from autumn 2020.
 */
export interface DemoData {
  funders: Record<'state' | 'labour' | 'eu' | 'cso' | 'bfc' | 'creuse', string>;
  programmes: Record<'cso' | 'bfc' | 'creuse' | 'aulnoye', string>;
  distributors: Record<string, string>;
  venues: Record<string, string>;
  /** The first session of each venue's first workshop. */
  sessions: Record<string, string>;
  /** Every session of each venue's first workshop: a person uses one voucher per workshop sitting. */
  sessionsOf: Record<string, string[]>;
  /** Books handed out, by distributor key, with their codes. */
  handedOutBooks: { distributor: string; code: string; beneficiaryId: string }[];
  redemptions: number;
}

/** The CSO programme: €78,500 = 1,570 books × 5 vouchers × €10. */
export const CSO_BUDGET_CENTS = 7_850_000;

interface PersonFacts {
  birthYear: number;
  inseeCode: string;
  educationLevel: EducationLevel | null;
  statuses: BeneficiaryStatus[];
}

function isoDay(d: Date): string {
  return d.toISOString().slice(0, 10);
}

export async function loadDemoData(hub: HubHandle, logger?: Logger): Promise<DemoData> {
  const programmes = hub.subgraphs.programmes.dataSource;
  const beneficiaries = hub.subgraphs.beneficiaries.dataSource;
  const venues = hub.subgraphs.venues.dataSource;
  const vouchers = hub.subgraphs.vouchers.dataSource;
  const now = new Date();
  const windowStart = isoDay(new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 2, 1)));
  const windowEnd = isoDay(new Date(Date.UTC(now.getUTCFullYear() + 1, now.getUTCMonth(), 0)));

  logger?.info('demo data: funders and programmes');
  const funder = async (name: string, kind: FunderKind) => accepted(await registerFunder(programmes, { name, kind }), 'funder').id;
  const funders = {
    state: await funder('État — Agence nationale de la cohésion des territoires (ANCT)', FunderKind.STATE),
    labour: await funder('Ministère du Travail', FunderKind.STATE),
    eu: await funder('Union européenne', FunderKind.EUROPEAN_UNION),
    cso: await funder('Agglomération Creil Sud Oise', FunderKind.INTERCOMMUNALITY),
    bfc: await funder('Région Bourgogne-Franche-Comté', FunderKind.REGION),
    creuse: await funder('Département de la Creuse', FunderKind.DEPARTMENT),
  };
  const programme = async (
    name: string,
    territory: string[],
    eligibility: { minAge?: number; maxAge?: number; maxEducationLevel?: EducationLevel; statusesAnyOf: BeneficiaryStatus[] },
    budgetCents: number,
    shares: { funderId: string; basisPoints: number }[],
    createdBy: string | null = null,
  ) =>
    accepted(await createProgramme(programmes, { name, territory, eligibility, validFrom: windowStart, validUntil: windowEnd, budgetCents, shares }, createdBy), 'programme').id;
  const programmeIds = {
    cso: await programme(
      'Pass numérique Creil Sud Oise',
      ['epci:200068047'],
      { minAge: 16, maxAge: 25, maxEducationLevel: EducationLevel.BAC, statusesAnyOf: [BeneficiaryStatus.JOB_SEEKER] },
      CSO_BUDGET_CENTS,
      [
        { funderId: funders.state, basisPoints: 6500 },
        { funderId: funders.eu, basisPoints: 1400 },
        { funderId: funders.cso, basisPoints: 2100 },
      ],
      // Set up by the agglomeration with its co-funders, who accept their shares below.
      funders.cso,
    ),
    bfc: await programme('Pass numérique Bourgogne-Franche-Comté', ['region:27'], { statusesAnyOf: [] }, 45_000_000, [
      { funderId: funders.bfc, basisPoints: 10000 },
    ]),
    creuse: await programme(
      'Pass numérique Creuse',
      ['departement:23'],
      { statusesAnyOf: [BeneficiaryStatus.MINIMUM_BENEFITS, BeneficiaryStatus.RETIREE] },
      2_000_000,
      [{ funderId: funders.creuse, basisPoints: 10000 }],
    ),
    aulnoye: await programme('Pass numérique Pôle emploi Aulnoye-Aymeries', ['commune:59033'], { statusesAnyOf: [BeneficiaryStatus.JOB_SEEKER] }, 100_000, [
      { funderId: funders.labour, basisPoints: 10000 },
    ]),
  };
  for (const coFunder of [funders.state, funders.eu]) {
    await answerFundingShare(programmes, { programmeId: programmeIds.cso, funderId: coFunder }, FundingShareStatus.ACCEPTED);
  }
  const paidOrder = async (programmeId: string, funderId: string, bookCount: number, vouchersPerBook: number) => {
    const order = accepted(await placeOrder(programmes, { programmeId, funderId, bookCount, vouchersPerBook, faceValueCents: 1000 }), 'order');
    await recordOrderPayment(programmes, order.id);
    return order.id;
  };
  const orders = [
    await paidOrder(programmeIds.cso, funders.cso, 1570, 5),
    await paidOrder(programmeIds.bfc, funders.bfc, 9000, 5),
    await paidOrder(programmeIds.creuse, funders.creuse, 200, 10),
    await paidOrder(programmeIds.aulnoye, funders.labour, 20, 5),
  ];
  // An order placed but not paid yet: its vouchers cannot be issued.
  accepted(await placeOrder(programmes, { programmeId: programmeIds.creuse, funderId: funders.creuse, bookCount: 100, vouchersPerBook: 10, faceValueCents: 1000 }), 'order');

  logger?.info('demo data: distributors and venues');
  const distributor = async (key: string, name: string, kind: DistributorKind, inseeCode: string) =>
    [key, accepted(await registerDistributor(beneficiaries, { name, kind, inseeCode }), 'distributor').id] as const;
  const distributors = Object.fromEntries([
    await distributor('peNogent', 'Pôle emploi Creil / Nogent-sur-Oise', DistributorKind.POLE_EMPLOI, '60463'),
    await distributor('peMontataire', 'Pôle emploi Creil / Montataire', DistributorKind.POLE_EMPLOI, '60414'),
    await distributor('peSaintMaximin', 'Pôle emploi Creil / Saint-Maximin', DistributorKind.POLE_EMPLOI, '60589'),
    await distributor('mlCreil', 'Mission locale de Creil', DistributorKind.MISSION_LOCALE, '60175'),
    await distributor('mlDijon', 'Mission locale de Dijon', DistributorKind.MISSION_LOCALE, '21231'),
    await distributor('ccasGueret', 'CCAS de Guéret', DistributorKind.CCAS, '23096'),
    await distributor('guyMoquet', 'Centre social Guy-Moquet', DistributorKind.SOCIAL_CENTRE, '59033'),
  ]) as Record<string, string>;

  // The six CSO trainers named in the sources; SIRETs are left empty rather than invented.
  const venue = async (key: string, name: string, inseeCode: string, address: string, latitude: number, longitude: number) =>
    [key, (await registerVenue(venues, { name, inseeCode, address, latitude, longitude, services: ['Maîtrise des outils numériques du quotidien'] })).id] as const;
  const venueIds = Object.fromEntries([
    await venue('pimms', 'Point information médiation multi-services (PIMMS) de Creil', '60175', 'Creil', 49.2597, 2.4744),
    await venue('intermAide', "Interm'Aide", '60175', 'Creil', 49.263, 2.48),
    await venue('jalons', 'Solidarité et Jalons au travail', '60463', 'Nogent-sur-Oise', 49.2722, 2.4686),
    await venue('gestUp', "Gest'Up", '60414', 'Montataire', 49.2567, 2.4389),
    await venue('cims', "Centre d'information et de médiation sociale (CIMS)", '60175', 'Creil', 49.2555, 2.483),
    await venue('compagnons', 'Les Compagnons du Marais', '60684', 'Villers-Saint-Paul', 49.2869, 2.4869),
    await venue('guyMoquet', 'Centre social Guy-Moquet', '59033', 'Aulnoye-Aymeries', 50.2036, 3.8339),
    await venue('chaiBonnat', 'Le Chai de Bonnat', '23025', 'Bonnat', 46.3339, 1.9031),
    await venue('dijonEpn', 'Espace public numérique de Dijon', '21231', 'Dijon', 47.3220, 5.0415),
  ]) as Record<string, string>;
  // Qualification checks the programme's territory, replicated to the venues subgraph.
  await hub.catchUp();
  for (const key of ['pimms', 'intermAide', 'jalons', 'gestUp', 'cims', 'compagnons']) await qualifyVenue(venues, venueIds[key]!, programmeIds.cso);
  await qualifyVenue(venues, venueIds.guyMoquet!, programmeIds.aulnoye);
  await qualifyVenue(venues, venueIds.chaiBonnat!, programmeIds.creuse);
  await qualifyVenue(venues, venueIds.dijonEpn!, programmeIds.bfc);

  const workshopsOf = [
    ['compagnons', WorkshopAxis.DISCOVER, 'How a computer works (and take one home)', 120],
    ['pimms', WorkshopAxis.MASTER, 'Online admin procedures', 90],
    ['gestUp', WorkshopAxis.EMPOWER, 'Writing a CV and applying online', 120],
    ['jalons', WorkshopAxis.MASTER, 'Email and attachments', 90],
    ['chaiBonnat', WorkshopAxis.DISCOVER, 'Photo editing', 120],
    ['chaiBonnat', WorkshopAxis.MASTER, 'Slideshows', 90],
    ['guyMoquet', WorkshopAxis.EMPOWER, 'Controlling your personal data', 60],
    ['dijonEpn', WorkshopAxis.DISCOVER, 'Computer basics', 60],
  ] as const;
  const sessionsOf: Record<string, string[]> = {};
  for (const [venueKey, axis, topic, durationMinutes] of workshopsOf) {
    const workshop = await publishWorkshop(venues, { venueId: venueIds[venueKey]!, axis, topic, durationMinutes, seats: 12 });
    if (sessionsOf[venueKey]) continue;
    // Three sittings of the venue's first workshop: two and one day ago, the last one today (Paris),
    // an hour ago unless that was yesterday. A voucher is taken on its session's day or the 7 days
    // after, so the demo's redemptions, made now, are all accepted; the venue page shows today's.
    sessionsOf[venueKey] = [];
    const anHourAgo = new Date(now.getTime() - 3600_000);
    const lastSitting = parisDayOf(anHourAgo) === parisDayOf(now) ? anHourAgo : new Date(now.getTime() - 60_000);
    for (const startsAt of [new Date(now.getTime() - 49 * 3600_000), new Date(now.getTime() - 25 * 3600_000), lastSitting]) {
      const session = await scheduleSession(venues, { workshopId: workshop.id, startsAt });
      sessionsOf[venueKey].push(session.id);
    }
  }

  const sessions = Object.fromEntries(Object.entries(sessionsOf).map(([venue, ids]) => [venue, ids[ids.length - 1]!]));
  await hub.catchUp();
  logger?.info('demo data: issuing books');
  for (const orderId of orders) await issueBooksOfOrder(vouchers, orderId);
  const allocations: [string, string, number][] = [
    [programmeIds.cso, 'peNogent', 120],
    [programmeIds.cso, 'peMontataire', 100],
    [programmeIds.cso, 'peSaintMaximin', 80],
    [programmeIds.cso, 'mlCreil', 60],
    [programmeIds.bfc, 'mlDijon', 50],
    [programmeIds.creuse, 'ccasGueret', 40],
    [programmeIds.aulnoye, 'guyMoquet', 20],
  ];
  const allocated: Record<string, string[]> = {};
  for (const [programmeId, key, quantity] of allocations) {
    allocated[key] = (await allocateBooks(vouchers, { programmeId, distributorId: distributors[key]!, quantity })).books!.map((b) => b.code).sort();
  }

  logger?.info('demo data: beneficiaries, hand-outs and redemptions');
  const year = now.getUTCFullYear();
  const people: { distributor: string; programme: string; count: number; venue: string; facts: PersonFacts }[] = [
    { distributor: 'peNogent', programme: programmeIds.cso, count: 6, venue: 'compagnons', facts: { birthYear: year - 20, inseeCode: '60463', educationLevel: EducationLevel.CAP_BEP, statuses: [BeneficiaryStatus.JOB_SEEKER] } },
    { distributor: 'peMontataire', programme: programmeIds.cso, count: 4, venue: 'gestUp', facts: { birthYear: year - 23, inseeCode: '60414', educationLevel: EducationLevel.BAC, statuses: [BeneficiaryStatus.JOB_SEEKER] } },
    { distributor: 'mlCreil', programme: programmeIds.cso, count: 3, venue: 'pimms', facts: { birthYear: year - 18, inseeCode: '60175', educationLevel: EducationLevel.NO_QUALIFICATION, statuses: [BeneficiaryStatus.JOB_SEEKER] } },
    { distributor: 'ccasGueret', programme: programmeIds.creuse, count: 3, venue: 'chaiBonnat', facts: { birthYear: year - 71, inseeCode: '23096', educationLevel: null, statuses: [BeneficiaryStatus.RETIREE] } },
    { distributor: 'guyMoquet', programme: programmeIds.aulnoye, count: 2, venue: 'guyMoquet', facts: { birthYear: year - 34, inseeCode: '59033', educationLevel: EducationLevel.CAP_BEP, statuses: [BeneficiaryStatus.JOB_SEEKER] } },
    { distributor: 'mlDijon', programme: programmeIds.bfc, count: 2, venue: 'dijonEpn', facts: { birthYear: year - 45, inseeCode: '21231', educationLevel: EducationLevel.BAC, statuses: [BeneficiaryStatus.OTHER] } },
  ];
  const registered: { distributor: string; beneficiaryId: string; venue: string; programme: string }[] = [];
  for (const group of people) {
    for (let i = 0; i < group.count; i += 1) {
      const answer = await registerBeneficiary(beneficiaries, {
        ...group.facts,
        distributorId: distributors[group.distributor]!,
        programmeId: group.programme,
        consentAt: now,
      });
      if (!answer.beneficiary) throw new Error(`demo beneficiary refused: ${answer.error?.message}`);
      registered.push({ distributor: group.distributor, beneficiaryId: answer.beneficiary.id, venue: group.venue, programme: group.programme });
    }
  }
  await hub.catchUp();
  const handedOutBooks: DemoData['handedOutBooks'] = [];
  let redemptions = 0;
  for (const [i, person] of registered.entries()) {
    const code = allocated[person.distributor]!.shift()!;
    const handed = await handOutBook(vouchers, { bookCode: code, beneficiaryId: person.beneficiaryId, distributorId: distributors[person.distributor]! });
    if (!handed.book) throw new Error(`demo hand-out refused: ${handed.error.message}`);
    handedOutBooks.push({ distributor: person.distributor, code, beneficiaryId: person.beneficiaryId });
    // Each person has used between 1 and 3 vouchers of their book so far.
    const used = (i % 3) + 1;
    const voucherCodes: { code: string }[] = await vouchers.query(`select code from voucher where book_id = $1 order by code limit $2`, [handed.book.id, used]);
    for (const [k, { code: voucherCode }] of voucherCodes.entries()) {
      const sessionId = sessionsOf[person.venue]![sessionsOf[person.venue]!.length - 1 - k]!;
      const answer = await redeemVoucher(vouchers, { voucherCode, sessionId, idempotencyKey: `demo-${voucherCode}` }, null);
      if (!answer.redemption) throw new Error(`demo redemption refused: ${answer.error.message}`);
      redemptions += 1;
    }
  }
  return { funders, programmes: programmeIds, distributors, venues: venueIds, sessions, sessionsOf, handedOutBooks, redemptions };
}
