import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Role } from '@pass/access';
import { startTestHub, type TestHub } from '@pass/test-kit';

/*
 * The older national cartography export (2021): its places import as venues, and those that
 * declared "Accepte le Pass numérique" become proposals a coordinator confirms — never
 * qualifications by themselves.
 */
const EXPORT_2021 = readFileSync(path.resolve(__dirname, '..', 'fixtures', 'venues', 'cartographie-2021-lieux-extrait.json'), 'utf8');

describe('qualification proposals from the 2021 cartography export', () => {
  let hub: TestHub;
  let programme: string;
  let coordinator: string;
  beforeAll(async () => {
    hub = await startTestHub();
    const funder = (await hub.graphql('mutation { registerFunder(input: { name: "Région Auvergne-Rhône-Alpes", kind: REGION }) { funder { id } } }')).body.data.registerFunder.funder.id;
    const created = await hub.graphql('mutation($input: CreateProgrammeInput!) { createProgramme(input: $input) { programme { id } } }', {
      input: {
        name: 'Pass numérique Auvergne-Rhône-Alpes', territory: ['region:84'], eligibility: { statusesAnyOf: [] },
        validFrom: '2026-01-01', validUntil: '2027-12-31', budgetCents: 1_000_000, shares: [{ funderId: funder, basisPoints: 10000 }],
      },
    });
    expect(created.body.errors).toBeUndefined();
    programme = created.body.data.createProgramme.programme.id;
    coordinator = await hub.tokenFor({ role: Role.COORDINATOR, organisationId: 'hinaura', programmeIds: [programme] });
  });
  afterAll(() => hub?.close());

  const IMPORT = 'mutation($json: String!) { importCartography2021(input: { json: $json }) { report { rowsRead imported inserted unchanged rejected proposed errors { row column message } } error { code message } } }';
  const proposals = async (token: string) =>
    hub.graphqlAs(token, 'query($id: ID!) { programme(id: $id) { qualificationProposals { id reason status venue { name communeName qualifiedFor { id } } } } }', { id: programme });

  test('imports the places and proposes the six that accept the Pass, qualifying none', async () => {
    const { body } = await hub.graphql(IMPORT, { json: EXPORT_2021 });
    expect(body.errors).toBeUndefined();
    const { report, error } = body.data.importCartography2021;
    expect(error).toBeNull();
    expect(report).toMatchObject({ rowsRead: 15, proposed: 6 });
    expect(report.imported + report.rejected).toBe(15);
    process.stderr.write(`2021 export: ${JSON.stringify(report, null, 1)}\n`);
    // Every qualification row of every programme: the import made none, which no one coordinator's view can show.
    const [{ n }] = await hub.subgraphs.venues.dataSource.query('select count(*)::int as n from qualification');
    expect(n).toBe(0);

    const listed = (await proposals(coordinator)).body.data.programme.qualificationProposals;
    expect(listed.map((p: { venue: { name: string } }) => p.venue.name).sort()).toEqual(
      ["Mon assistant numérique Pays de Savoie", "TI'LIEU", expect.any(String), expect.any(String), expect.any(String), expect.any(String)].sort(),
    );
    expect(listed).toHaveLength(6);
    for (const p of listed) {
      expect(p.status).toBe('PROPOSED');
      expect(p.reason).toMatch(/^Accepte le Pass numérique : /);
      expect(p.venue.qualifiedFor).toEqual([]);
    }
  });

  test('a second import proposes nothing again', async () => {
    const { report } = (await hub.graphql(IMPORT, { json: EXPORT_2021 })).body.data.importCartography2021;
    expect(report).toMatchObject({ inserted: 0, proposed: 0 });
  });

  test('a file that is not a JSON array of places is refused in the payload, and nothing is written', async () => {
    const refused = async (json: string) => (await hub.graphql(IMPORT, { json })).body.data.importCartography2021;
    expect(await refused('{"id": "1"')).toMatchObject({ report: { rowsRead: 0, imported: 0 }, error: { code: 'JSON_UNREADABLE' } });
    expect(await refused('{"places": []}')).toMatchObject({ report: { rowsRead: 0, imported: 0 }, error: { code: 'JSON_NOT_AN_ARRAY' } });
  });

  test("the programme's coordinator confirms a proposal: the venue is qualified, the proposal decided once", async () => {
    const [first, second] = (await proposals(coordinator)).body.data.programme.qualificationProposals;
    const confirm = (token: string, proposalId: string, programmeId: string) =>
      hub.graphqlAs(token, 'mutation($p: ID!, $g: ID!) { confirmQualificationProposal(input: { proposalId: $p, programmeId: $g }) { proposal { status venue { qualifiedFor { id } } } error { code message } } }', { p: proposalId, g: programmeId });
    const outsider = await hub.tokenFor({ role: Role.COORDINATOR, organisationId: 'elsewhere', programmeIds: [] });
    expect((await confirm(outsider, first.id, programme)).body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    const confirmed = (await confirm(coordinator, first.id, programme)).body.data.confirmQualificationProposal;
    expect(confirmed).toEqual({ proposal: { status: 'CONFIRMED', venue: { qualifiedFor: [{ id: programme }] } }, error: null });
    const again = (await confirm(coordinator, first.id, programme)).body.data.confirmQualificationProposal;
    expect(again).toEqual({ proposal: null, error: { code: 'PROPOSAL_ALREADY_DECIDED', message: 'this proposal was already confirmed' } });
    expect((await confirm(coordinator, '00000000-0000-4000-8000-00000000c0de', programme)).body.data.confirmQualificationProposal.error.code).toBe('PROPOSAL_NOT_FOUND');

    const dismissed = await hub.graphqlAs(coordinator, 'mutation($p: ID!) { dismissQualificationProposal(input: { proposalId: $p }) { proposal { status venue { qualifiedFor { id } } } error { code } } }', { p: second.id });
    expect(dismissed.body.data.dismissQualificationProposal).toEqual({ proposal: { status: 'DISMISSED', venue: { qualifiedFor: [] } }, error: null });
    expect((await proposals(coordinator)).body.data.programme.qualificationProposals).toHaveLength(4);
    const [{ n }] = await hub.subgraphs.venues.dataSource.query('select count(*)::int as n from qualification');
    expect(n).toBe(1);
  });

  test('a coordinator may dismiss only a proposal of a venue in the territory of a programme it coordinates', async () => {
    // A programme of the Côte-d'Or: its coordinator coordinates, but not where these venues are (Auvergne-Rhône-Alpes).
    const funder = (await hub.graphql('mutation { registerFunder(input: { name: "Département de la Côte-d\'Or", kind: DEPARTMENT }) { funder { id } } }')).body.data.registerFunder.funder.id;
    const created = await hub.graphql('mutation($input: CreateProgrammeInput!) { createProgramme(input: $input) { programme { id } } }', {
      input: {
        name: "Pass numérique Côte-d'Or", territory: ['departement:21'], eligibility: { statusesAnyOf: [] },
        validFrom: '2026-01-01', validUntil: '2027-12-31', budgetCents: 1_000_000, shares: [{ funderId: funder, basisPoints: 10000 }],
      },
    });
    expect(created.body.errors).toBeUndefined();
    await hub.catchUp();
    const elsewhere = await hub.tokenFor({ role: Role.COORDINATOR, organisationId: 'cote-d-or', programmeIds: [created.body.data.createProgramme.programme.id] });
    const nowhere = await hub.tokenFor({ role: Role.COORDINATOR, organisationId: 'no-programme', programmeIds: [] });
    const [third] = (await proposals(coordinator)).body.data.programme.qualificationProposals;
    // Confirming it for the Côte-d'Or programme would qualify a venue outside that programme's territory.
    const outside = await hub.graphqlAs(elsewhere, 'mutation($p: ID!, $g: ID!) { confirmQualificationProposal(input: { proposalId: $p, programmeId: $g }) { proposal { status } error { code } } }', {
      p: third.id,
      g: created.body.data.createProgramme.programme.id,
    });
    expect(outside.body.data.confirmQualificationProposal).toEqual({ proposal: null, error: { code: 'VENUE_OUTSIDE_PROGRAMME_TERRITORY' } });
    const dismiss = (token: string) => hub.graphqlAs(token, 'mutation($p: ID!) { dismissQualificationProposal(input: { proposalId: $p }) { proposal { status } error { code } } }', { p: third.id });
    for (const token of [elsewhere, nowhere]) {
      const refused = await dismiss(token);
      expect(refused.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
    expect((await proposals(coordinator)).body.data.programme.qualificationProposals.map((p: { id: string }) => p.id)).toContain(third.id);
    expect((await dismiss(coordinator)).body.data.dismissQualificationProposal).toEqual({ proposal: { status: 'DISMISSED' }, error: null });
  });
});
