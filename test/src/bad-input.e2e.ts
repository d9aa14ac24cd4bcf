import { startTestHub, type TestHub } from '@pass/test-kit';

/** The caller's mistakes get clear, coded GraphQL errors; never an HTTP 500 or an internal message. */
describe('bad input through the gateway', () => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startTestHub();
  });
  afterAll(() => hub?.close());

  test.each([
    ['programme', 'query { programme(id: "6f1c1d8e-0000-4000-8000-000000000000") { name } }', 'Programme'],
    ['distributor', 'query { distributor(id: "6f1c1d8e-0000-4000-8000-000000000000") { name } }', 'Distributor'],
    ['venue', 'query { venue(id: "6f1c1d8e-0000-4000-8000-000000000000") { name } }', 'Venue'],
    ['book by code', 'query { book(code: "BXXXXXXXXXXXXX") { code } }', 'Book'],
  ])('unknown %s → NOT_FOUND', async (_what, query, typename) => {
    const { status, body } = await hub.graphql(query);
    expect(status).toBe(200);
    expect(body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(body.errors?.[0]?.message).toContain(typename);
  });

  test('an id in upper case finds its record', async () => {
    const created = await hub.graphql('mutation { registerFunder(input: { name: "Département de la Somme", kind: DEPARTMENT }) { funder { id } } }');
    const id: string = created.body.data.registerFunder.funder.id;
    const { body } = await hub.graphql('query($id: ID!) { funder(id: $id) { name } }', { id: id.toUpperCase() });
    expect(body.data.funder.name).toBe('Département de la Somme');
  });

  test('a malformed id is NOT_FOUND, not a database cast error', async () => {
    const { status, body } = await hub.graphql('query { funder(id: "not-a-uuid") { name } }');
    expect(status).toBe(200);
    expect(body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  test('a wrongly typed argument is rejected by validation with 400', async () => {
    const { status, body } = await hub.graphql('query { venues(first: "ten") { nodes { name } } }');
    expect(status).toBe(400);
    expect(body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  test('an out-of-range page size is BAD_USER_INPUT naming the argument', async () => {
    // Just out of 1-100: a far larger page is refused earlier, by the gateway's query cost limit (400).
    const { status, body } = await hub.graphql('query { venues(first: 101) { nodes { name } } }');
    expect(status).toBe(200);
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
  });

  test('a bad territory in createProgramme is BAD_USER_INPUT with the entry named', async () => {
    const { body } = await hub.graphql(`mutation {
      createProgramme(input: { name: "X", territory: ["region:99"], eligibility: { statusesAnyOf: [] },
        validFrom: "2026-01-01", validUntil: "2026-12-31", budgetCents: 100,
        shares: [{ funderId: "6f1c1d8e-0000-4000-8000-000000000000", basisPoints: 10000 }] }) { programme { id } } }`);
    expect(body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(body.errors?.[0]?.message).toContain('region:99');
  });

  test('unknown fields and syntax errors are 400s', async () => {
    expect((await hub.graphql('query { programmes { nope } }')).status).toBe(400);
    expect((await hub.graphql('query { programmes { ')).status).toBe(400);
  });

  test('the next normal request is still answered', async () => {
    const { status, body } = await hub.graphql('query { programmes { id } }');
    expect(status).toBe(200);
    expect(Array.isArray(body.data.programmes)).toBe(true);
  });
});
