import { Role } from '@pass/access';
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
  const PLACE = `mutation ($p: ID!, $f: ID!, $face: Int!) { placeOrder(input: { programmeId: $p, funderId: $f, bookCount: 2, faceValueCents: $face }) { order { id faceValueCents } error { code } } }`;

  beforeAll(async () => {
    hub = await startTestHub();
    funderId = (await gql(hub, `mutation { registerFunder(input: { name: "Département de la Creuse", kind: DEPARTMENT }) { funder { id } } }`)).registerFunder.funder.id;
    funderToken = await hub.tokenFor({ role: Role.FUNDER, organisationId: funderId });
    programmeId = (
      await gql(
        hub,
        `mutation ($input: CreateProgrammeInput!) { createProgramme(input: $input) { programme { id } } }`,
        {
          input: {
            name: 'Pass numérique Creuse', territory: ['departement:23'], eligibility: { statusesAnyOf: [] },
            validFrom: `${year - 1}-01-01`, validUntil: `${year + 1}-12-31`, budgetCents: 100_000, shares: [{ funderId, basisPoints: 10000 }],
          },
        },
        funderToken,
      )
    ).createProgramme.programme.id;
  });
  afterAll(() => hub?.close());

  test.each([1, 999, 1001, 500, 2000])('an order of vouchers worth %i cents is refused with FACE_VALUE_NOT_VOUCHER_VALUE', async (face) => {
    const data = await gql(hub, PLACE, { p: programmeId, f: funderId, face }, funderToken);
    expect(data.placeOrder).toEqual({ order: null, error: { code: 'FACE_VALUE_NOT_VOUCHER_VALUE' } });
    const { programme } = await gql(hub, `query ($id: ID!) { programme(id: $id) { orders { nodes { id } } } }`, { id: programmeId });
    expect(programme.orders.nodes).toEqual([]);
  });

  test('an order of €10 vouchers is placed', async () => {
    const data = await gql(hub, PLACE, { p: programmeId, f: funderId, face: 1000 }, funderToken);
    expect(data.placeOrder.error).toBeNull();
    expect(data.placeOrder.order.faceValueCents).toBe(1000);
  });

  test('an order for an unknown programme, or by a funder with no share in it, is refused in the payload', async () => {
    const unknown = await gql(hub, PLACE, { p: '00000000-0000-4000-8000-000000000000', f: funderId, face: 1000 }, funderToken);
    expect(unknown.placeOrder).toEqual({ order: null, error: { code: 'PROGRAMME_NOT_FOUND' } });
    const other = (await gql(hub, `mutation { registerFunder(input: { name: "Région Nouvelle-Aquitaine", kind: REGION }) { funder { id } } }`)).registerFunder.funder.id;
    // The operator may order for any funder; the rules still want a share in the programme.
    const noShare = await gql(hub, PLACE, { p: programmeId, f: other, face: 1000 });
    expect(noShare.placeOrder).toEqual({ order: null, error: { code: 'FUNDER_HAS_NO_SHARE' } });
  });

  test('a payment recorded for no order is ORDER_NOT_FOUND in the payload, for a funder as for the operator', async () => {
    const PAY = `mutation ($id: ID!) { recordOrderPayment(input: { orderId: $id }) { order { status } error { code } } }`;
    const nobody = { id: '00000000-0000-4000-8000-000000000000' };
    expect((await gql(hub, PAY, nobody, funderToken)).recordOrderPayment).toEqual({ order: null, error: { code: 'ORDER_NOT_FOUND' } });
    expect((await gql(hub, PAY, { id: 'not-an-id' })).recordOrderPayment).toEqual({ order: null, error: { code: 'ORDER_NOT_FOUND' } });
  });
});
