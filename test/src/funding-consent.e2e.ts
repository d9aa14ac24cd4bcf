import { Role } from '@pass/kit';
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

  const CREATE = `mutation ($input: CreateProgrammeInput!) { createProgramme(input: $input) { id } }`;
  const SHARES = `query ($id: ID!) { programme(id: $id) { fundingShares { funder { id } basisPoints status } } }`;
  const PLACE = `mutation ($p: ID!, $f: ID!) { placeOrder(programmeId: $p, funderId: $f, bookCount: 1) { id } }`;
  const ACCEPT = `mutation ($input: FundingShareAnswerInput!) { acceptFundingShare(input: $input) { fundingShare { status } error { code } } }`;
  const DECLINE = `mutation ($input: FundingShareAnswerInput!) { declineFundingShare(input: $input) { fundingShare { status } error { code } } }`;
  const RESHARE = `mutation ($input: ReshareProgrammeInput!) { reshareProgramme(input: $input) { programme { id } error { code } } }`;

  async function csoProgramme(name: string): Promise<string> {
    const input = {
      name, territory: ['epci:200068047'], eligibility: { statusesAnyOf: [] }, validFrom: `${year - 1}-01-01`, validUntil: `${year + 1}-12-31`,
      budgetCents: 100_000,
      shares: [{ funderId: funder.state.id, basisPoints: 6500 }, { funderId: funder.eu.id, basisPoints: 1400 }, { funderId: funder.cso.id, basisPoints: 2100 }],
    };
    return (await gql(hub, CREATE, { input }, funder.cso.token)).createProgramme.id;
  }
  const statuses = async (programmeId: string) =>
    Object.fromEntries(
      (await gql(hub, SHARES, { id: programmeId })).programme.fundingShares.map((s: any) => [
        Object.entries(funder).find(([, f]) => f.id === s.funder.id)![0],
        s.status,
      ]),
    );
  const orderRefusal = async (programmeId: string) =>
    (await hub.graphqlAs(funder.cso.token, PLACE, { p: programmeId, f: funder.cso.id })).body.errors?.[0]?.extensions?.code ?? null;

  beforeAll(async () => {
    hub = await startTestHub();
    for (const [key, name, kind] of [['cso', 'Agglomération Creil Sud Oise', 'INTERCOMMUNALITY'], ['state', 'État', 'STATE'], ['eu', 'Union européenne', 'EUROPEAN_UNION']] as const) {
      const id = (await gql(hub, `mutation ($n: String!) { registerFunder(name: $n, kind: ${kind}) { id } }`, { n: name })).registerFunder.id;
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
    // The vouchers subgraph splits credits by the new shares.
    await hub.catchUp();
    const [fact] = await hub.subgraphs.vouchers.dataSource.query(`select shares from programme_fact where programme_id = $1`, [programmeId]);
    expect(fact.shares).toEqual(shares);
  });
});
