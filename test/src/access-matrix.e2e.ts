import { parse, type ObjectTypeDefinitionNode } from 'graphql';
import { Role, signCallerAssertion, type Caller } from '@pass/access';
import { parisMonthOf } from '@pass/contracts';
import { readSupergraph } from '@pass/schema';
import { everyNode, inParisMonth, startTestHub, type TestHub } from '@pass/test-kit';
import { atTime, closeMonth, redeemed as redemptionTaken, scheduleSession, venueToken } from './kit/fixtures';
import { ACCESS_RULES, type AccessRule, type Fixture, type RedeemedVoucher, type Request, type Whose } from './access/access-matrix';

/*
 * The role × operation matrix, generated from ACCESS_RULES: every rule is tried by every role on
 * its own organisation's data and on another's, through the gateway or, for entities, through
 * `_entities` on the owning subgraph with a gateway-signed caller.
 */

const ROLES = Object.values(Role);

function supergraphCoordinates(): string[] {
  const doc = parse(readSupergraph());
  const objects = doc.definitions.filter((d): d is ObjectTypeDefinitionNode => d.kind === 'ObjectTypeDefinition');
  const root = (name: string) => objects.find((o) => o.name.value === name)?.fields?.map((f) => `${name}.${f.name.value}`) ?? [];
  const entities = objects
    .filter((o) => o.directives?.some((d) => d.name.value === 'join__type' && d.arguments?.some((a) => a.name.value === 'key')))
    .map((o) => `Entity.${o.name.value}`);
  return [...root('Query'), ...root('Mutation'), ...entities];
}

describe('access matrix', () => {
  test('every root field, mutation and entity of the supergraph has a rule, and every rule names one that exists', () => {
    const inSchema = supergraphCoordinates();
    const ruled = ACCESS_RULES.map((r) => r.coordinate).filter((c) => /^(Query|Mutation|Entity)\./.test(c));
    expect(inSchema.filter((c) => !ruled.includes(c))).toEqual([]);
    expect(ruled.filter((c) => !inSchema.includes(c))).toEqual([]);
    expect(new Set(ruled).size).toBe(ruled.length);
  });

  let hub: TestHub;
  let fixture: Fixture;
  const callers = new Map<Role, Omit<Caller, 'tokenId'>>();

  beforeAll(async () => {
    hub = await startTestHub({ demo: true });
    const demo = hub.demo!;
    const asOperator = async (query: string, variables?: Record<string, unknown>) => {
      const { body } = await hub.graphql(query, variables);
      if (body.errors) throw new Error(JSON.stringify(body.errors));
      return body.data;
    };
    type BookRow = {
      id: string;
      code: string;
      state: string;
      redemptions: { id: string; session: { id: string }; voucher: { id: string; code: string } }[];
      vouchers: { code: string; state: string }[];
    };
    const books = async (distributorId: string): Promise<BookRow[]> =>
      everyNode(async (after) =>
        (await asOperator(
          'query($id: ID!, $after: String) { distributor(id: $id) { books(first: 100, after: $after) { nodes { id code state redemptions { id session { id } voucher { id code } } vouchers { code state } } pageInfo { hasNextPage endCursor } } } }',
          { id: distributorId, after },
        )).distributor.books,
      );
    const [nogent, montataire, dijon] = await Promise.all([books(demo.distributors.peNogent!), books(demo.distributors.peMontataire!), books(demo.distributors.mlDijon!)]);
    // Started with one voucher: the venue's other sittings are still open to the book (one voucher pays one sitting).
    const used = (list: BookRow[]) => list.find((b) => b.state === 'HANDED_OUT' && b.redemptions.length === 1 && b.vouchers.some((v) => v.state === 'AVAILABLE'))!;
    const free = (list: BookRow[]) => list.find((b) => b.state === 'ALLOCATED')!;
    const redeemed = (book: BookRow): RedeemedVoucher => ({ id: book.redemptions[0]!.voucher.id, code: book.redemptions[0]!.voucher.code, redemptionId: book.redemptions[0]!.id });
    const unused = (book: BookRow) => book.vouchers.filter((v) => v.state === 'AVAILABLE').map((v) => v.code);
    const [nogentBook, montataireBook, dijonBook] = [used(nogent), used(montataire), used(dijon)];
    const sittingsFree = (book: BookRow, venue: string) => demo.sessionsOf[venue]!.filter((id) => !book.redemptions.some((r) => r.session.id === id));
    // The first free sitting takes last month's redemption below; the second is where the matrix redeems.
    const [, gestUpSession] = sittingsFree(montataireBook, 'gestUp');

    // One redemption last month at each venue, then the month closed: a statement per venue.
    const lastMonth = inParisMonth(-1);
    // Sittings on that day: a voucher is taken on its session's Paris day or the 7 days after.
    const sittingLastMonth = async (venueId: string) => {
      const { venue } = await asOperator('query($id: ID!) { venue(id: $id) { workshops { id } } }', { id: venueId });
      return scheduleSession(hub, { venueId, workshopId: venue.workshops[0].id, startsAt: lastMonth });
    };
    const [gestUpLastMonth, dijonLastMonth] = [await sittingLastMonth(demo.venues.gestUp!), await sittingLastMonth(demo.venues.dijonEpn!)];
    await hub.catchUp();
    for (const [code, venue, sessionId] of [[unused(montataireBook)[0]!, 'gestUp', gestUpLastMonth], [unused(dijonBook)[0]!, 'dijonEpn', dijonLastMonth]] as const) {
      const token = await venueToken(hub, demo.venues[venue]!);
      await atTime(hub, lastMonth, () => redemptionTaken(hub, token, { voucherCode: code, sessionId, idempotencyKey: `matrix-${code}` }));
    }
    const month = parisMonthOf(lastMonth);
    const closed = await closeMonth(hub, month);
    const statementOf = (venueId: string) => closed.statements.find((s) => s.venue.id === venueId)!.id;
    const programme = async (id: string) => (await asOperator('query($id: ID!) { programme(id: $id) { orders { nodes { id } } } }', { id })).programme;
    const workshop = async (id: string) => (await asOperator('query($id: ID!) { venue(id: $id) { workshops { id } } }', { id })).venue.workshops[0].id;
    const beneficiaryOf = (key: string) => demo.handedOutBooks.find((b) => b.distributor === key)!.beneficiaryId;
    const anotherBeneficiaryOf = (key: string) => demo.handedOutBooks.find((b) => b.distributor === key && b.beneficiaryId !== beneficiaryOf(key))!.beneficiaryId;
    // Two places declaring the Pass (2021 cartography export), in Creil and in Dijon: two qualification proposals.
    const place = (id: string, nom: string, commune: string, code_postal: string) => ({ id, nom, commune, code_postal, pivot: '00000000000000', adresse: '1 place de la mairie', source: 'matrix', date_maj: '2021-06-01', conditions_acces: 'Accepte le Pass numérique : oui' });
    await asOperator('mutation($input: ImportCartography2021Input!) { importCartography2021(input: $input) { report { proposed } } }', { input: { json: JSON.stringify([place('own', 'EPN du Plateau', 'Creil', '60100'), place('other', 'EPN des Grésilles', 'Dijon', '21000')]) } });
    const proposals: { id: string; venue: { name: string } }[] = (await asOperator('{ qualificationProposals { id venue { name } } }')).qualificationProposals;
    const proposalOf = (name: string) => proposals.find((p) => p.venue.name === name)!.id;

    fixture = {
      funder: { own: demo.funders.cso, other: demo.funders.bfc },
      programme: { own: demo.programmes.cso, other: demo.programmes.bfc },
      order: { own: (await programme(demo.programmes.cso)).orders.nodes[0].id, other: (await programme(demo.programmes.bfc)).orders.nodes[0].id },
      distributor: { own: demo.distributors.peNogent!, other: demo.distributors.mlDijon! },
      beneficiary: { own: beneficiaryOf('peNogent'), other: beneficiaryOf('mlDijon') },
      erasable: { own: anotherBeneficiaryOf('peNogent'), other: anotherBeneficiaryOf('mlDijon') },
      venue: { own: demo.venues.gestUp!, other: demo.venues.dijonEpn! },
      workshop: { own: await workshop(demo.venues.gestUp!), other: await workshop(demo.venues.dijonEpn!) },
      session: { own: gestUpSession!, other: demo.sessions.dijonEpn! },
      book: { own: nogentBook.code, other: dijonBook.code },
      bookId: { own: nogentBook.id, other: dijonBook.id },
      freeBook: { own: free(nogent).code, other: free(dijon).code },
      statement: { own: statementOf(demo.venues.gestUp!), other: statementOf(demo.venues.dijonEpn!) },
      statementMonth: month,
      voucherOfBook: { own: redeemed(nogentBook), other: redeemed(dijonBook) },
      voucherAtVenue: { own: redeemed(montataireBook), other: redeemed(dijonBook) },
      unusedVoucher: { own: unused(montataireBook)[1]!, other: unused(dijonBook)[1]! },
      proposal: { own: proposalOf('EPN du Plateau'), other: proposalOf('EPN des Grésilles') },
    };
    callers.set(Role.FUNDER, { role: Role.FUNDER, organisationId: demo.funders.cso, scopes: ['read', 'write'] });
    callers.set(Role.DISTRIBUTOR, { role: Role.DISTRIBUTOR, organisationId: demo.distributors.peNogent!, scopes: ['read', 'write'] });
    callers.set(Role.VENUE, { role: Role.VENUE, organisationId: demo.venues.gestUp!, scopes: ['read', 'write'] });
    callers.set(Role.COORDINATOR, { role: Role.COORDINATOR, organisationId: 'coordination-cso', scopes: ['read', 'write'], programmeIds: [demo.programmes.cso] });
    callers.set(Role.ANALYST, { role: Role.ANALYST, organisationId: 'evaluation', scopes: ['read'] });
    callers.set(Role.OPERATOR, { role: Role.OPERATOR, organisationId: 'operator', scopes: ['read', 'write'] });
  });
  afterAll(() => hub?.close());

  async function send(role: Role, request: Request): Promise<{ errors?: { extensions?: { code?: string } }[]; data?: unknown }> {
    const caller = callers.get(role)!;
    if (!request.subgraph) return (await hub.graphqlAs(await hub.tokenFor(caller), request.query, request.variables)).body;
    const assertion = await signCallerAssertion(hub.keys.gateway, { ...caller, tokenId: `matrix-${role}` });
    const response = await fetch(hub.subgraphUrls[request.subgraph], {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-hub-caller': assertion },
      body: JSON.stringify({ query: request.query, variables: request.variables }),
    });
    return (await response.json()) as Awaited<ReturnType<typeof hub.graphqlAs>>['body'];
  }

  function refused(rule: AccessRule, body: Awaited<ReturnType<typeof send>>): boolean {
    if (body.errors?.some((e) => e.extensions?.code === 'FORBIDDEN')) return true;
    const codes = JSON.stringify(body.data ?? {}).match(/"code":"([A-Z_]+)"/g) ?? [];
    return codes.some((c) => rule.refusals?.some((r) => c.includes(`"${r}"`)));
  }

  test('a funder cannot create a programme it has no share in', async () => {
    const token = await hub.tokenFor(callers.get(Role.FUNDER)!);
    const { body } = await hub.graphqlAs(token, 'mutation($input: CreateProgrammeInput!) { createProgramme(input: $input) { programme { id } } }', {
      input: {
        name: 'Pass numérique État 99,99 %', territory: ['departement:60'], eligibility: { statusesAnyOf: [] }, validFrom: '2026-01-01', validUntil: '2027-12-31',
        budgetCents: 100, shares: [{ funderId: fixture.funder.other, basisPoints: 10000 }],
      },
    });
    expect(body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  test('a read-only token cannot run a mutation its role may run', async () => {
    const token = await hub.tokenFor({ ...callers.get(Role.OPERATOR)!, scopes: ['read'] });
    const { body } = await hub.graphqlAs(token, 'mutation { registerFunder(input: { name: "Read only", kind: COMPANY }) { funder { id } } }');
    expect(body.errors?.[0]).toMatchObject({ extensions: { code: 'FORBIDDEN' }, message: expect.stringMatching(/write scope/) });
  });

  test.each(ACCESS_RULES.map((rule) => [rule.coordinate, rule] as const))('%s', async (_coordinate, rule) => {
    const mismatches: string[] = [];
    for (const role of ROLES) {
      for (const whose of ['own', 'other'] as Whose[]) {
        const grant = rule.allowed[role];
        const expected = grant === 'all' || (grant === 'own' && whose === 'own') ? 'allowed' : 'denied';
        const body = await send(role, rule.request(fixture, whose, role));
        // An allowed call that found nothing would prove nothing: the fixture must exist.
        const actual = refused(rule, body) ? 'denied' : body.errors?.some((e) => e.extensions?.code === 'NOT_FOUND') ? 'not found' : 'allowed';
        if (actual !== expected) mismatches.push(`${role} on ${whose} data: expected ${expected}, got ${actual} ${JSON.stringify(body.errors ?? body.data).slice(0, 200)}`);
      }
    }
    expect(mismatches).toEqual([]);
  });
});
