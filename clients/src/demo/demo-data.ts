import { Role, mintPartnerToken } from '@pass/access';
import { parisDateParts, parisDayOf } from '@pass/contracts';
import type { Logger } from '@pass/runtime';
import type { BeneficiaryStatus, EducationLevel, WorkshopAxis } from '../generated/graphql';
import type { HubHandle } from '../launcher/in-process';
import * as api from './demo-operations';
import { inParallel, type Partner } from './demo-operations';

/**
 * Demo data from the source articles, loaded through the gateway's GraphQL endpoint only, each
 * step done by the partner who does it in real life with a token of its own: the operator
 * registers funders and distributors and issues books, funders create programmes, accept their
 * shares, order, pay and allocate, coordinators register and qualify venues, venues publish
 * workshops, schedule sessions and redeem vouchers, distributors register people and hand out
 * books. The access rules, the eligibility checks and the audit log apply to every step, as they
 * would to a partner's. Programme windows are set around today so that the vouchers are usable;
 * the real CSO programme ran from autumn 2020.
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

/** Requests the loader has in flight at once: under the gateway's 16 per token, with room for the hub's other callers. */
const CONCURRENCY = 8;

interface PersonFacts {
  birthYear: number;
  inseeCode: string;
  educationLevel: EducationLevel | null;
  statuses: BeneficiaryStatus[];
}

function isoDay(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/** What the loader needs of a running hub: its endpoint, the key that signs partner tokens, and the replicas' progress. */
export type DemoHub = Pick<HubHandle, 'gatewayUrl' | 'keys' | 'catchUp'>;

export async function loadDemoData(hub: DemoHub, logger?: Logger): Promise<DemoData> {
  const t0 = performance.now();
  const progress = (step: string, fields: Record<string, unknown> = {}) =>
    logger?.info({ ...fields, ms: Math.round(performance.now() - t0) }, `demo data: ${step}`);
  // One token per organisation and role, minted as `npm run token` mints them, valid for the load only.
  const partner = async (who: string, caller: { organisationId: string; role: Role; programmeIds?: string[] }): Promise<Partner> => ({
    who,
    gatewayUrl: hub.gatewayUrl,
    token: await mintPartnerToken(hub.keys.partnerSigning, { ...caller, scopes: ['read', 'write'] }, { expiresIn: '1h' }),
  });
  const operator = await partner('the operator', { organisationId: 'operator', role: Role.OPERATOR });
  const now = new Date();
  // From the 1st of the Paris month two months back to the end of the month before this one next
  // year: Paris months, as the hub counts them, even in the hour where UTC is a month behind.
  const paris = parisDateParts(now);
  const [parisYear, parisMonth] = [Number(paris.year), Number(paris.month) - 1];
  const windowStart = isoDay(new Date(Date.UTC(parisYear, parisMonth - 2, 1)));
  const windowEnd = isoDay(new Date(Date.UTC(parisYear + 1, parisMonth, 0)));

  progress('funders and distributors (operator)');
  const funderList = [
    ['state', 'État — Agence nationale de la cohésion des territoires (ANCT)', 'STATE'],
    ['labour', 'Ministère du Travail', 'STATE'],
    ['eu', 'Union européenne', 'EUROPEAN_UNION'],
    ['cso', 'Agglomération Creil Sud Oise', 'INTERCOMMUNALITY'],
    ['bfc', 'Région Bourgogne-Franche-Comté', 'REGION'],
    ['creuse', 'Département de la Creuse', 'DEPARTMENT'],
  ] as const;
  const distributorList = [
    ['peNogent', 'Pôle emploi Creil / Nogent-sur-Oise', 'POLE_EMPLOI', '60463'],
    ['peMontataire', 'Pôle emploi Creil / Montataire', 'POLE_EMPLOI', '60414'],
    ['peSaintMaximin', 'Pôle emploi Creil / Saint-Maximin', 'POLE_EMPLOI', '60589'],
    ['mlCreil', 'Mission locale de Creil', 'MISSION_LOCALE', '60175'],
    ['mlDijon', 'Mission locale de Dijon', 'MISSION_LOCALE', '21231'],
    ['ccasGueret', 'CCAS de Guéret', 'CCAS', '23096'],
    ['guyMoquet', 'Centre social Guy-Moquet', 'SOCIAL_CENTRE', '59033'],
  ] as const;
  const [funderIds, distributorIds] = await Promise.all([
    inParallel(funderList, CONCURRENCY / 2, ([, name, kind]) => api.registerFunder(operator, { name, kind })),
    inParallel(distributorList, CONCURRENCY / 2, ([, name, kind, inseeCode]) => api.registerDistributor(operator, { name, kind, inseeCode })),
  ]);
  const funders = Object.fromEntries(funderList.map(([key], i) => [key, funderIds[i]!])) as DemoData['funders'];
  const distributors = Object.fromEntries(distributorList.map(([key], i) => [key, distributorIds[i]!])) as Record<string, string>;
  const funderAs = Object.fromEntries(
    await Promise.all(funderList.map(async ([key, name]) => [key, await partner(`${name} (funder)`, { organisationId: funders[key], role: Role.FUNDER })] as const)),
  ) as Record<keyof DemoData['funders'], Partner>;

  progress('programmes, shares and paid orders (funders; the operator for signed agreements)');
  type Eligibility = { minAge?: number; maxAge?: number; maxEducationLevel?: EducationLevel; statusesAnyOf: BeneficiaryStatus[] };
  const programme = (as: Partner, name: string, territory: string[], eligibility: Eligibility, budgetCents: number, shares: { funderId: string; basisPoints: number }[]) =>
    api.createProgramme(as, { name, territory, eligibility, validFrom: windowStart, validUntil: windowEnd, budgetCents, shares });
  const [cso, bfc, creuse, aulnoye] = await Promise.all([
    // Set up by the agglomeration with its co-funders, who accept their shares below.
    programme(
      funderAs.cso,
      'Pass numérique Creil Sud Oise',
      ['epci:200068047'],
      { minAge: 16, maxAge: 25, maxEducationLevel: 'BAC', statusesAnyOf: ['JOB_SEEKER'] },
      CSO_BUDGET_CENTS,
      [
        { funderId: funders.state, basisPoints: 6500 },
        { funderId: funders.eu, basisPoints: 1400 },
        { funderId: funders.cso, basisPoints: 2100 },
      ],
    ),
    // The operator sets these up from the funders' signed agreements: their shares are accepted.
    programme(operator, 'Pass numérique Bourgogne-Franche-Comté', ['region:27'], { statusesAnyOf: [] }, 45_000_000, [{ funderId: funders.bfc, basisPoints: 10000 }]),
    programme(operator, 'Pass numérique Creuse', ['departement:23'], { statusesAnyOf: ['MINIMUM_BENEFITS', 'RETIREE'] }, 2_000_000, [
      { funderId: funders.creuse, basisPoints: 10000 },
    ]),
    programme(operator, 'Pass numérique Pôle emploi Aulnoye-Aymeries', ['commune:59033'], { statusesAnyOf: ['JOB_SEEKER'] }, 100_000, [
      { funderId: funders.labour, basisPoints: 10000 },
    ]),
  ]);
  const programmes: DemoData['programmes'] = { cso: cso!, bfc: bfc!, creuse: creuse!, aulnoye: aulnoye! };
  await Promise.all((['state', 'eu'] as const).map((coFunder) => api.acceptFundingShare(funderAs[coFunder], { programmeId: programmes.cso, funderId: funders[coFunder] })));
  const orderList = [
    ['cso', 'cso', 1570, 5, true],
    ['bfc', 'bfc', 9000, 5, true],
    ['creuse', 'creuse', 200, 10, true],
    ['aulnoye', 'labour', 20, 5, true],
    // An order placed but not paid yet: its vouchers cannot be issued.
    ['creuse', 'creuse', 100, 10, false],
  ] as const;
  const orderIds = await inParallel(orderList, CONCURRENCY, async ([programmeKey, funderKey, bookCount, vouchersPerBook, paid]) => {
    const as = funderAs[funderKey];
    const orderId = await api.placeOrder(as, { programmeId: programmes[programmeKey], funderId: funders[funderKey], bookCount, vouchersPerBook });
    if (paid) await api.recordOrderPayment(as, orderId);
    return paid ? orderId : null;
  });

  progress('venues, qualifications, workshops and sessions (coordinators and venues)');
  const coordinatorAs = Object.fromEntries(
    await Promise.all(
      (Object.keys(programmes) as (keyof DemoData['programmes'])[]).map(
        async (key) => [key, await partner(`the ${key} coordination (coordinator)`, { organisationId: `coordination-${key}`, role: Role.COORDINATOR, programmeIds: [programmes[key]] })] as const,
      ),
    ),
  ) as Record<keyof DemoData['programmes'], Partner>;
  // The six CSO trainers named in the sources, each registered and qualified by the coordination
  // of its programme; SIRETs are left empty rather than invented.
  const venueList: [key: string, programme: keyof DemoData['programmes'], name: string, inseeCode: string, postcode: string, commune: string, latitude: number, longitude: number][] = [
    ['pimms', 'cso', 'Point information médiation multi-services (PIMMS) de Creil', '60175', '60100', 'Creil', 49.2597, 2.4744],
    ['intermAide', 'cso', "Interm'Aide", '60175', '60100', 'Creil', 49.263, 2.48],
    ['jalons', 'cso', 'Solidarité et Jalons au travail', '60463', '60180', 'Nogent-sur-Oise', 49.2722, 2.4686],
    ['gestUp', 'cso', "Gest'Up", '60414', '60160', 'Montataire', 49.2567, 2.4389],
    ['cims', 'cso', "Centre d'information et de médiation sociale (CIMS)", '60175', '60100', 'Creil', 49.2555, 2.483],
    ['compagnons', 'cso', 'Les Compagnons du Marais', '60684', '60870', 'Villers-Saint-Paul', 49.2869, 2.4869],
    ['guyMoquet', 'aulnoye', 'Centre social Guy-Moquet', '59033', '59620', 'Aulnoye-Aymeries', 50.2036, 3.8339],
    ['chaiBonnat', 'creuse', 'Le Chai de Bonnat', '23025', '23220', 'Bonnat', 46.3339, 1.9031],
    ['dijonEpn', 'bfc', 'Espace public numérique de Dijon', '21231', '21000', 'Dijon', 47.322, 5.0415],
  ];
  const venueIdList = await inParallel(venueList, CONCURRENCY, ([, programmeKey, name, inseeCode, postcode, commune, latitude, longitude]) =>
    api.registerVenue(coordinatorAs[programmeKey], {
      name,
      inseeCode,
      postcode,
      address: commune,
      latitude,
      longitude,
      services: ['Maîtrise des outils numériques du quotidien'],
    }),
  );
  const venues = Object.fromEntries(venueList.map(([key], i) => [key, venueIdList[i]!])) as Record<string, string>;
  const venueAs = Object.fromEntries(
    await Promise.all(venueList.map(async ([key, , name]) => [key, await partner(`${name} (venue)`, { organisationId: venues[key]!, role: Role.VENUE })] as const)),
  ) as Record<string, Partner>;

  const workshopsOf: [venue: string, axis: WorkshopAxis, topic: string, durationMinutes: number][] = [
    ['compagnons', 'DISCOVER', 'How a computer works (and take one home)', 120],
    ['pimms', 'MASTER', 'Online admin procedures', 90],
    ['gestUp', 'EMPOWER', 'Writing a CV and applying online', 120],
    ['jalons', 'MASTER', 'Email and attachments', 90],
    ['chaiBonnat', 'DISCOVER', 'Photo editing', 120],
    ['chaiBonnat', 'MASTER', 'Slideshows', 90],
    ['guyMoquet', 'EMPOWER', 'Controlling your personal data', 60],
    ['dijonEpn', 'DISCOVER', 'Computer basics', 60],
  ];
  // Three sittings of each venue's first workshop: two and one day ago, the last one today (Paris),
  // an hour ago unless that was yesterday. A voucher is taken on its session's day or the 7 days
  // after, so the demo's redemptions, made now, are all accepted; the venue page shows today's.
  const anHourAgo = new Date(now.getTime() - 3600_000);
  const lastSitting = parisDayOf(anHourAgo) === parisDayOf(now) ? anHourAgo : new Date(now.getTime() - 60_000);
  const sittings = [new Date(now.getTime() - 49 * 3600_000), new Date(now.getTime() - 25 * 3600_000), lastSitting];
  const venuesWithWorkshops = [...new Set(workshopsOf.map(([venue]) => venue))];
  const sessionsOf: Record<string, string[]> = {};
  await Promise.all([
    // Qualification checks the programme's territory, replicated to the venues subgraph.
    hub.catchUp().then(() =>
      inParallel(venueList, CONCURRENCY / 2, ([key, programmeKey]) => api.qualifyVenue(coordinatorAs[programmeKey], { venueId: venues[key]!, programmeId: programmes[programmeKey] })),
    ),
    inParallel(venuesWithWorkshops, CONCURRENCY / 2, async (venueKey) => {
      const as = venueAs[venueKey]!;
      const [first, ...others] = workshopsOf.filter(([venue]) => venue === venueKey);
      const publish = ([, axis, topic, durationMinutes]: (typeof workshopsOf)[number]) =>
        api.publishWorkshop(as, { venueId: venues[venueKey]!, axis, topic, durationMinutes, seats: 12 });
      const workshopId = await publish(first!);
      const [sessionIds] = await Promise.all([Promise.all(sittings.map((startsAt) => api.scheduleSession(as, { workshopId, startsAt }))), ...others.map(publish)]);
      sessionsOf[venueKey] = sessionIds;
    }),
  ]);
  const sessions = Object.fromEntries(Object.entries(sessionsOf).map(([venue, ids]) => [venue, ids[ids.length - 1]!]));

  progress('issuing books (operator) and allocating them (funders)');
  // Issuing needs the payments replicated to the vouchers subgraph.
  await hub.catchUp();
  const booksIssued = await inParallel(
    orderIds.filter((id): id is string => id !== null),
    CONCURRENCY,
    (orderId) => api.issueBooks(operator, orderId),
  );
  const allocations: [programme: keyof DemoData['programmes'], funder: keyof DemoData['funders'], distributor: string, quantity: number][] = [
    ['cso', 'cso', 'peNogent', 120],
    ['cso', 'cso', 'peMontataire', 100],
    ['cso', 'cso', 'peSaintMaximin', 80],
    ['cso', 'cso', 'mlCreil', 60],
    ['bfc', 'bfc', 'mlDijon', 50],
    ['creuse', 'creuse', 'ccasGueret', 40],
    ['aulnoye', 'labour', 'guyMoquet', 20],
  ];
  const allocatedCodes = await inParallel(allocations, CONCURRENCY, ([programmeKey, funderKey, distributorKey, quantity]) =>
    api.allocateBooks(funderAs[funderKey], { programmeId: programmes[programmeKey], distributorId: distributors[distributorKey]!, quantity }),
  );
  const allocated = Object.fromEntries(allocations.map(([, , key], i) => [key, allocatedCodes[i]!.sort()])) as Record<string, string[]>;

  progress('beneficiaries, hand-outs and redemptions (distributors and venues)', { booksIssued: booksIssued.reduce((a, b) => a + b, 0) });
  const distributorAs = Object.fromEntries(
    await Promise.all(distributorList.map(async ([key, name]) => [key, await partner(`${name} (distributor)`, { organisationId: distributors[key]!, role: Role.DISTRIBUTOR })] as const)),
  ) as Record<string, Partner>;
  const year = parisYear;
  const people: { distributor: string; programme: string; count: number; venue: string; facts: PersonFacts }[] = [
    { distributor: 'peNogent', programme: programmes.cso, count: 6, venue: 'compagnons', facts: { birthYear: year - 20, inseeCode: '60463', educationLevel: 'CAP_BEP', statuses: ['JOB_SEEKER'] } },
    { distributor: 'peMontataire', programme: programmes.cso, count: 4, venue: 'gestUp', facts: { birthYear: year - 23, inseeCode: '60414', educationLevel: 'BAC', statuses: ['JOB_SEEKER'] } },
    { distributor: 'mlCreil', programme: programmes.cso, count: 3, venue: 'pimms', facts: { birthYear: year - 18, inseeCode: '60175', educationLevel: 'NO_QUALIFICATION', statuses: ['JOB_SEEKER'] } },
    { distributor: 'ccasGueret', programme: programmes.creuse, count: 3, venue: 'chaiBonnat', facts: { birthYear: year - 71, inseeCode: '23096', educationLevel: null, statuses: ['RETIREE'] } },
    { distributor: 'guyMoquet', programme: programmes.aulnoye, count: 2, venue: 'guyMoquet', facts: { birthYear: year - 34, inseeCode: '59033', educationLevel: 'CAP_BEP', statuses: ['JOB_SEEKER'] } },
    { distributor: 'mlDijon', programme: programmes.bfc, count: 2, venue: 'dijonEpn', facts: { birthYear: year - 45, inseeCode: '21231', educationLevel: 'BAC', statuses: ['OTHER'] } },
  ];
  const persons = people.flatMap((group) => Array.from({ length: group.count }, () => group));
  const beneficiaryIds = await inParallel(persons, CONCURRENCY, (group) =>
    api.registerBeneficiary(distributorAs[group.distributor]!, {
      ...group.facts,
      distributorId: distributors[group.distributor]!,
      programmeId: group.programme,
      consentAt: now.toISOString(),
    }),
  );
  // Each person gets the next of their distributor's books in code order.
  const handedOutBooks: DemoData['handedOutBooks'] = persons.map((group, i) => ({
    distributor: group.distributor,
    code: allocated[group.distributor]!.shift()!,
    beneficiaryId: beneficiaryIds[i]!,
  }));
  // Hand-outs need the people replicated to the vouchers subgraph.
  await hub.catchUp();
  const redeemed = await inParallel(handedOutBooks, CONCURRENCY, async (book, i) => {
    const handed = await api.handOutBook(distributorAs[book.distributor]!, { bookCode: book.code, beneficiaryId: book.beneficiaryId, distributorId: distributors[book.distributor]! });
    // Each person has used between 1 and 3 vouchers of their book so far, one per sitting, latest first.
    const venueKey = persons[i]!.venue;
    const venueSessions = sessionsOf[venueKey]!;
    const used = handed.voucherCodes.slice(0, (i % 3) + 1);
    for (const [k, voucherCode] of used.entries()) {
      await api.redeemVoucher(venueAs[venueKey]!, { voucherCode, sessionId: venueSessions[venueSessions.length - 1 - k]!, idempotencyKey: `demo-${voucherCode}` });
    }
    return used.length;
  });
  const redemptions = redeemed.reduce((a, b) => a + b, 0);
  progress('loaded', { redemptions });
  return { funders, programmes, distributors, venues, sessions, sessionsOf, handedOutBooks, redemptions };
}
