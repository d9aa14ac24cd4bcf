import { Role } from '@pass/access';
import { startTestHub, type TestHub } from '@pass/test-kit';
import { gql } from './kit/fixtures';

/*
 * A funder creating a programme names co-funders; each co-funder's share is PENDING until it
 * accepts, and the programme takes no order (so no book is ever issued) until every share is
 * accepted. A declined share leaves the programme to be shared again by its creator.
 */
describe('funding-share consent', () => {
  let hub: TestHub;
  const funder: Record<'cso' | 'state' | 'eu', { id: string; token: string }> = {} as never;
  const year = new Date().getUTCFullYear();

  const CREATE = `mutation ($input: CreateProgrammeInput!) { createProgramme(input: $input) { programme { id } error { code } } }`;
  const SHARES = `query ($id: ID!) { programme(id: $id) { fundingShares { funder { id } basisPoints status } } }`;
  const PLACE = `mutation ($p: ID!, $f: ID!) { placeOrder(input: { programmeId: $p, funderId: $f, bookCount: 1 }) { order { id } error { code } } }`;
  const ACCEPT = `mutation ($input: AcceptFundingShareInput!) { acceptFundingShare(input: $input) { fundingShare { status } error { code } } }`;
  const DECLINE = `mutation ($input: DeclineFundingShareInput!) { declineFundingShare(input: $input) { fundingShare { status } error { code } } }`;
  const RESHARE = `mutation ($input: ReshareProgrammeInput!) { reshareProgramme(input: $input) { programme { id } error { code } } }`;

  async function csoProgramme(name: string): Promise<string> {
    const input = {
      name, territory: ['epci:200068047'], eligibility: { statusesAnyOf: [] }, validFrom: `${year - 1}-01-01`, validUntil: `${year + 1}-12-31`,
      budgetCents: 100_000,
      shares: [{ funderId: funder.state.id, basisPoints: 6500 }, { funderId: funder.eu.id, basisPoints: 1400 }, { funderId: funder.cso.id, basisPoints: 2100 }],
    };
    return (await gql(hub, CREATE, { input }, funder.cso.token)).createProgramme.programme.id;
  }
  const statuses = async (programmeId: string) =>
    Object.fromEntries(
      (await gql(hub, SHARES, { id: programmeId })).programme.fundingShares.map((s: any) => [
        Object.entries(funder).find(([, f]) => f.id === s.funder.id)![0],
        s.status,
      ]),
    );
  const orderRefusal = async (programmeId: string) =>
    (await gql(hub, PLACE, { p: programmeId, f: funder.cso.id }, funder.cso.token)).placeOrder.error?.code ?? null;

  beforeAll(async () => {
    hub = await startTestHub();
    for (const [key, name, kind] of [['cso', 'Agglomération Creil Sud Oise', 'INTERCOMMUNALITY'], ['state', 'État', 'STATE'], ['eu', 'Union européenne', 'EUROPEAN_UNION']] as const) {
      const id = (await gql(hub, `mutation ($n: String!) { registerFunder(input: { name: $n, kind: ${kind} }) { funder { id } } }`, { n: name })).registerFunder.funder.id;
      funder[key] = { id, token: await hub.tokenFor({ role: Role.FUNDER, organisationId: id }) };
    }
  });
  afterAll(() => hub?.close());

  test("the co-funders' shares are PENDING and no order is taken until each accepts", async () => {
    const programmeId = await csoProgramme('Pass numérique Creil Sud Oise');
    expect(await statuses(programmeId)).toEqual({ cso: 'ACCEPTED', state: 'PENDING', eu: 'PENDING' });
    expect(await orderRefusal(programmeId)).toBe('FUNDING_SHARES_PENDING');

    const stateAccepts = await gql(hub, ACCEPT, { input: { programmeId, funderId: funder.state.id } }, funder.state.token);
    expect(stateAccepts.acceptFundingShare).toEqual({ fundingShare: { status: 'ACCEPTED' }, error: null });
    expect(await orderRefusal(programmeId)).toBe('FUNDING_SHARES_PENDING');

    // A funder answers only for itself.
    const { body } = await hub.graphqlAs(funder.state.token, ACCEPT, { input: { programmeId, funderId: funder.eu.id } });
    expect(body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    await gql(hub, ACCEPT, { input: { programmeId, funderId: funder.eu.id } }, funder.eu.token);
    expect(await statuses(programmeId)).toEqual({ cso: 'ACCEPTED', state: 'ACCEPTED', eu: 'ACCEPTED' });
    expect(await orderRefusal(programmeId)).toBeNull();
  });

  test('a declined share blocks orders until the creator shares the programme again', async () => {
    const programmeId = await csoProgramme('Pass numérique Creil Sud Oise bis');
    await gql(hub, ACCEPT, { input: { programmeId, funderId: funder.state.id } }, funder.state.token);
    const declined = await gql(hub, DECLINE, { input: { programmeId, funderId: funder.eu.id } }, funder.eu.token);
    expect(declined.declineFundingShare).toEqual({ fundingShare: { status: 'DECLINED' }, error: null });
    // The answer is given: the EU cannot turn it into an acceptance.
    expect((await gql(hub, ACCEPT, { input: { programmeId, funderId: funder.eu.id } }, funder.eu.token)).acceptFundingShare.error.code).toBe('SHARE_ALREADY_ANSWERED');
    expect(await orderRefusal(programmeId)).toBe('FUNDING_SHARES_PENDING');

    const shares = [{ funderId: funder.state.id, basisPoints: 7000 }, { funderId: funder.cso.id, basisPoints: 3000 }];
    // Only its creator shares it again.
    const byState = await hub.graphqlAs(funder.state.token, RESHARE, { input: { programmeId, shares } });
    expect(byState.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await gql(hub, RESHARE, { input: { programmeId, shares } }, funder.cso.token)).reshareProgramme).toEqual({ programme: { id: programmeId }, error: null });
    expect(await statuses(programmeId)).toEqual({ cso: 'ACCEPTED', state: 'PENDING' });
    // Shared again without a declined share: nothing to redo.
    expect((await gql(hub, RESHARE, { input: { programmeId, shares } }, funder.cso.token)).reshareProgramme.error.code).toBe('NO_DECLINED_SHARE');

    await gql(hub, ACCEPT, { input: { programmeId, funderId: funder.state.id } }, funder.state.token);
    expect(await orderRefusal(programmeId)).toBeNull();
    // The vouchers subgraph splits credits by the new shares. Read in its replica of the programme
    // (programme_fact): the API shows the programmes subgraph's shares, never the replica's copy.
    await hub.catchUp();
    const [fact] = await hub.subgraphs.vouchers.dataSource.query(`select shares from programme_fact where programme_id = $1`, [programmeId]);
    expect(fact.shares).toEqual(shares);
  });

  test("the rules' refusals are codes in the payload, and nothing is written", async () => {
    const programmeId = await csoProgramme('Pass numérique Creil Sud Oise ter');
    const input = (name: string, coFunderId: string) => ({
      name, territory: ['epci:200068047'], eligibility: { statusesAnyOf: [] }, validFrom: `${year - 1}-01-01`, validUntil: `${year + 1}-12-31`,
      budgetCents: 100_000, shares: [{ funderId: funder.cso.id, basisPoints: 5000 }, { funderId: coFunderId, basisPoints: 5000 }],
    });
    const unknownFunder = '00000000-0000-4000-8000-000000000000';
    expect((await gql(hub, CREATE, { input: input('Pass numérique fantôme', unknownFunder) }, funder.cso.token)).createProgramme)
      .toEqual({ programme: null, error: { code: 'FUNDER_NOT_FOUND' } });
    expect((await gql(hub, CREATE, { input: input('Pass numérique Creil Sud Oise ter', funder.eu.id) }, funder.cso.token)).createProgramme)
      .toEqual({ programme: null, error: { code: 'PROGRAMME_NAME_TAKEN' } });
    expect((await gql(hub, `{ programmes { name } }`)).programmes.map((p: { name: string }) => p.name)).not.toContain('Pass numérique fantôme');

    const shares = [{ funderId: funder.cso.id, basisPoints: 10000 }];
    expect((await gql(hub, RESHARE, { input: { programmeId: unknownFunder, shares } }, funder.cso.token)).reshareProgramme)
      .toEqual({ programme: null, error: { code: 'PROGRAMME_NOT_FOUND' } });
    const other = (await gql(hub, `mutation { registerFunder(input: { name: "Département de l'Oise", kind: DEPARTMENT }) { funder { id } error { code } } }`)).registerFunder;
    const otherToken = await hub.tokenFor({ role: Role.FUNDER, organisationId: other.funder.id });
    expect((await gql(hub, DECLINE, { input: { programmeId, funderId: other.funder.id } }, otherToken)).declineFundingShare)
      .toEqual({ fundingShare: null, error: { code: 'SHARE_NOT_FOUND' } });
    expect((await gql(hub, `mutation { registerFunder(input: { name: "Département de l'Oise", kind: DEPARTMENT }) { funder { id } error { code } } }`)).registerFunder)
      .toEqual({ funder: null, error: { code: 'FUNDER_NAME_TAKEN' } });
  });
});
