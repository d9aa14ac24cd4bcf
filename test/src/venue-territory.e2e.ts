import { Role } from '@pass/access';
import { startTestHub, type TestHub } from '@pass/test-kit';

/*
 * French geography on venues: each venue exposes its commune, département and région, and a
 * coordinator is offered for qualification only the venues of its programme's territory.
 */
describe("venues by territory", () => {
  let hub: TestHub;
  let cso: string;
  let coordinator: string;
  beforeAll(async () => {
    hub = await startTestHub({ demo: true });
    cso = hub.demo!.programmes.cso;
    coordinator = await hub.tokenFor({ role: Role.COORDINATOR, organisationId: 'cso-team', programmeIds: [cso] });
    for (const [name, inseeCode, postcode] of [
      ['EPN de Nogent-sur-Oise', '60463', '60180'],
      ['Médiathèque de Beauvais', '60057', '60000'],
      ['Tiers-lieu de Guéret', '23096', '23000'],
    ] as const) {
      const { body } = await hub.graphql(`mutation { registerVenue(input: { name: "${name}", address: "1 place de la mairie", inseeCode: "${inseeCode}", postcode: "${postcode}" }) { venue { id } error { code message } } }`);
      expect(body.data.registerVenue.error).toBeNull();
    }
  });
  afterAll(() => hub?.close());

  const toQualify = (token: string, programmeId: string) =>
    hub.graphqlAs(token, 'query($id: ID!) { programme(id: $id) { venuesToQualify { name communeName departement { name } region { name } } } }', { id: programmeId });

  test("a CSO coordinator is offered the agglomeration's venues not yet qualified, and nothing outside it", async () => {
    const { body } = await toQualify(coordinator, cso);
    expect(body.errors).toBeUndefined();
    // The six demo venues of the agglomeration are qualified already; Beauvais is in the Oise but not in it.
    expect(body.data.programme.venuesToQualify).toEqual([
      { name: 'EPN de Nogent-sur-Oise', communeName: 'Nogent-sur-Oise', departement: { name: 'Oise' }, region: { name: 'Hauts-de-France' } },
    ]);
  });

  test('a venue once qualified is no longer offered', async () => {
    const { body } = await hub.graphql('{ venues(first: 100) { nodes { id name } } }');
    const nogent = body.data.venues.nodes.find((v: { name: string }) => v.name === 'EPN de Nogent-sur-Oise').id;
    const qualified = await hub.graphqlAs(coordinator, 'mutation($v: ID!, $p: ID!) { qualifyVenue(input: { venueId: $v, programmeId: $p }) { venue { id } error { code } } }', { v: nogent, p: cso });
    expect(qualified.body.data.qualifyVenue).toEqual({ venue: { id: nogent }, error: null });
    expect((await toQualify(coordinator, cso)).body.data.programme.venuesToQualify).toEqual([]);
  });

  test('a département territory offers its venues; the operator sees any programme, a coordinator only its own', async () => {
    const creuse = await toQualify(await hub.tokenFor({ role: Role.OPERATOR }), hub.demo!.programmes.creuse);
    expect(creuse.body.data.programme.venuesToQualify.map((v: { name: string }) => v.name)).toEqual(['Tiers-lieu de Guéret']);
    const foreign = await toQualify(coordinator, hub.demo!.programmes.creuse);
    expect(foreign.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
