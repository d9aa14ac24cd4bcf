import { randomUUID } from 'node:crypto';
import { Role } from '@pass/access';
import { startTestHub, type TestHub } from '@pass/test-kit';

/**
 * A caller's mistake is a 4xx or a coded GraphQL error naming what was wrong, never a 500 or an
 * `INTERNAL_SERVER_ERROR`; an error body never echoes a huge input, suggests enum values or names
 * the subgraph that answered.
 */
describe('caller mistakes at the edge', () => {
  let hub: TestHub;
  let operator: string;
  let venue: string;
  beforeAll(async () => {
    hub = await startTestHub();
    operator = await hub.tokenFor({ role: Role.OPERATOR, organisationId: 'operator' });
    venue = await hub.tokenFor({ role: Role.VENUE, organisationId: randomUUID() });
  });
  afterAll(() => hub?.close());

  const post = async (token: string, body: unknown) => {
    const response = await fetch(hub.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, text, body: JSON.parse(text) as { data?: any; errors?: any[] } };
  };

  describe('operations that cannot be run are 400s', () => {
    test.each<[string, Record<string, unknown>]>([
      ['several operations without operationName', { query: 'query A { programmes { id } } query B { funders { id } }' }],
      ['an unknown operationName', { query: 'query A { programmes { id } }', operationName: 'Nope' }],
      ['a subscription over plain HTTP', { query: 'subscription { redemptionRecorded { id } }' }],
      ['a subscription among queries, chosen by name', { query: 'query A { programmes { id } } subscription S { x }', operationName: 'S' }],
    ])('%s', async (_what, body) => {
      const answer = await post(operator, body);
      expect(answer.status).toBe(400);
      expect(answer.body.errors?.length).toBeGreaterThan(0);
      expect(answer.body.errors![0].extensions.code).not.toBe('INTERNAL_SERVER_ERROR');
    });

    test('the right operation of several, named, is run', async () => {
      const answer = await post(operator, { query: 'query A { programmes { id } } query B { funders { id } }', operationName: 'B' });
      expect(answer.status).toBe(200);
      expect(answer.body.data).toEqual({ funders: [] });
    });
  });

  describe('a bad argument is BAD_USER_INPUT naming it', () => {
    const badInput = (answer: Awaited<ReturnType<typeof post>>, field: string) => {
      expect(answer.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
      expect(answer.body.errors![0].message).toContain(field);
      expect(answer.status).toBeLessThan(500);
    };

    test.each(['0000-01', '1969-12', '10000-01', '2025-13'])('closeMonth(input: { month: %j })', async (month) => {
      badInput(await post(operator, { query: 'mutation($m: String!) { closeMonth(input: { month: $m }) { month error { code } } }', variables: { m: month } }), 'month');
    });

    test('a month in a literal, on a nested field', async () => {
      const answer = await post(operator, { query: `{ venues(first: 1) { nodes { amountDueCents(month: "0000-01") } } }` });
      // No venue to answer for is fine; a venue there must not make the month reach SQL.
      expect(answer.status).toBeLessThan(500);
      badInput(answer, 'month');
    });

    test('a well-formed past month still closes', async () => {
      const answer = await post(operator, { query: 'mutation { closeMonth(input: { month: "2020-01" }) { month error { code } } }' });
      expect(answer.body).toEqual({ data: { closeMonth: { month: '2020-01', error: null } } });
    });

    // A cursor is opaque but not signed: one forged around a key that is no sequence number must not reach SQL as a bigint.
    const auditCursor = (key: string) => Buffer.from(JSON.stringify(['v1', 'auditLog', key]), 'utf8').toString('base64url');

    test.each(['99999999999999999999', '9223372036854775808', '-1'])('an audit cursor forged around %s', async (key) => {
      badInput(await post(operator, { query: 'query($a: String) { auditLog(first: 5, after: $a) { nodes { action } } }', variables: { a: auditCursor(key) } }), 'after');
    });

    test('the largest bigint is a cursor like any other', async () => {
      const answer = await post(operator, { query: 'query($a: String) { auditLog(first: 1, after: $a) { nodes { action } } }', variables: { a: auditCursor('9223372036854775807') } });
      expect(answer.status).toBe(200);
      expect(answer.body.errors).toBeUndefined();
    });

    test.each<[string, Record<string, string>]>([
      ['input.voucherCode', { voucherCode: 'VK3MQ\u00009TZ2X', idempotencyKey: 'key-0123456789' }],
      ['input.idempotencyKey', { voucherCode: 'VK3MQ-9TZ2X-HA4K', idempotencyKey: 'key-\u0000-0123456789' }],
    ])('a NUL byte in %s', async (field, input) => {
      const answer = await post(venue, {
        query: 'mutation($input: RedeemVoucherInput!) { redeemVoucher(input: $input) { error { code } } }',
        variables: { input: { sessionId: randomUUID(), ...input } },
      });
      badInput(answer, field);
    });

    test('a NUL byte in a literal argument', async () => {
      badInput(await post(operator, { query: '{ book(code: "B\\u0000X") { code } }' }), 'code');
    });

    test.each(['2026-13-45T00:00:00Z', 'tomorrow', '2026-02-30T10:00:00Z'])('an invalid DateTimeISO %j', async (startsAt) => {
      const answer = await post(venue, {
        query: 'mutation($input: ScheduleSessionInput!) { scheduleSession(input: $input) { session { id } } }',
        variables: { input: { workshopId: randomUUID(), startsAt } },
      });
      badInput(answer, 'input.startsAt');
    });

    test('an invalid DateTimeISO literal', async () => {
      const answer = await post(venue, { query: `mutation { scheduleSession(input: { workshopId: "${randomUUID()}", startsAt: "2026-13-45T00:00:00Z" }) { session { id } } }` });
      badInput(answer, 'input.startsAt');
    });
  });

  describe('error bodies are short and say nothing of the inside', () => {
    test('no enum value is suggested, in a literal or in a variable', async () => {
      const literal = await post(operator, { query: 'mutation { registerFunder(input: { name: "x", kind: COMPANI }) { funder { id } } }' });
      const variable = await post(operator, { query: 'mutation($k: FunderKind!) { registerFunder(input: { name: "x", kind: $k }) { funder { id } } }', variables: { k: 'COMPANI' } });
      for (const answer of [literal, variable]) {
        expect(answer.status).toBe(400);
        expect(answer.text).not.toMatch(/Did you mean/i);
        expect(answer.text).not.toContain('COMPANY');
      }
    });

    test('a 90 kB id does not come back whole', async () => {
      const id = 'x'.repeat(90_000);
      const answer = await post(operator, { query: 'query($id: ID!) { funder(id: $id) { name } }', variables: { id } });
      expect(answer.status).toBe(200);
      expect(answer.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
      expect(answer.text.length).toBeLessThan(4_000);
    });

    test('subgraphs are not named', async () => {
      const answer = await post(operator, { query: `{ funder(id: "${randomUUID()}") { name } }` });
      expect(answer.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
      expect(answer.body.errors![0].extensions.serviceName).toBeUndefined();
      expect(answer.text).not.toMatch(/programmes|serviceName/);
    });
  });
});
