import { Role } from '@pass/kit';
import { startTestHub, type TestHub } from '@pass/test-kit';
import { gql } from './kit/fixtures';

/*
 * What a funder may order: books of €10 vouchers of a programme it funds (the programme's
 * voucher value), once every co-funder has agreed to its share.
 */
describe('orders', () => {
  let hub: TestHub;
  let funderId: string;
  let programmeId: string;
  let funderToken: string;
  const year = new Date().getUTCFullYear();
  const PLACE = `mutation ($p: ID!, $f: ID!, $face: Int!) { placeOrder(programmeId: $p, funderId: $f, bookCount: 2, faceValueCents: $face) { id faceValueCents } }`;

  beforeAll(async () => {
    hub = await startTestHub();
    funderId = (await gql(hub, `mutation { registerFunder(name: "Département de la Creuse", kind: DEPARTMENT) { id } }`)).registerFunder.id;
    funderToken = await hub.tokenFor({ role: Role.FUNDER, organisationId: funderId });
    programmeId = (
      await gql(
        hub,
        `mutation ($input: CreateProgrammeInput!) { createProgramme(input: $input) { id } }`,
        {
          input: {
            name: 'Pass numérique Creuse', territory: ['departement:23'], eligibility: { statusesAnyOf: [] },
            validFrom: `${year - 1}-01-01`, validUntil: `${year + 1}-12-31`, budgetCents: 100_000, shares: [{ funderId, basisPoints: 10000 }],
          },
        },
        funderToken,
      )
    ).createProgramme.id;
  });
  afterAll(() => hub?.close());

  test.each([1, 999, 1001, 500, 2000])('an order of vouchers worth %i cents is refused with FACE_VALUE_NOT_VOUCHER_VALUE', async (face) => {
    const { body } = await hub.graphqlAs(funderToken, PLACE, { p: programmeId, f: funderId, face });
    expect(body.errors?.[0]?.extensions?.code).toBe('FACE_VALUE_NOT_VOUCHER_VALUE');
    const { programme } = await gql(hub, `query ($id: ID!) { programme(id: $id) { orders { id } } }`, { id: programmeId });
    expect(programme.orders).toEqual([]);
  });

  test('an order of €10 vouchers is placed', async () => {
    const data = await gql(hub, PLACE, { p: programmeId, f: funderId, face: 1000 }, funderToken);
    expect(data.placeOrder.faceValueCents).toBe(1000);
  });
});
