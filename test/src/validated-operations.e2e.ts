import { CALLER_HEADER, Role, signCallerAssertion, type Caller } from '@pass/access';
import { startTestHub, type TestHub } from '@pass/test-kit';
import { sampleValue, scrape } from './kit/prometheus-text';

/*
 * A subgraph answers a text it validated before without Apollo Server's request pipeline
 * (subgraphs/kit/src/server/validated-operations.ts). The gateway must not be able to tell: this
 * suite sends each request straight to a subgraph, with the gateway's caller assertion, twice —
 * the first through Apollo Server (the text is new), the second by the validated path, as the
 * counter `subgraph_validated_operation_answers_total` shows — and compares status, headers and
 * body byte for byte. Refused variables go back to Apollo Server; a mutation answered by the
 * validated path is still in the audit log.
 */

describe("a subgraph's validated operations answer exactly as Apollo Server does", () => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startTestHub({ demo: true });
  });
  afterAll(() => hub?.close());

  const caller = (role: Role, organisationId: string): Caller => ({ role, organisationId, scopes: ['read', 'write'], tokenId: `validated-${role}` });
  type SubgraphName = keyof TestHub['subgraphUrls'];
  const validatedAnswers = async (subgraph: SubgraphName) => {
    const url = hub.subgraphUrls[subgraph]!.replace(/\/graphql$/, '/metrics');
    return sampleValue(await scrape(url), 'subgraph_validated_operation_answers_total');
  };
  /** Status, headers (but the connection's and the date) and body of one request straight to a subgraph. */
  const send = async (subgraph: SubgraphName, who: Caller, body: unknown, headers: Record<string, string> = {}) => {
    const response = await fetch(hub.subgraphUrls[subgraph]!, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [CALLER_HEADER]: await signCallerAssertion(hub.keys.gateway, who), ...headers },
      body: JSON.stringify(body),
    });
    const kept = [...response.headers].filter(([name]) => !['date', 'x-request-id', 'connection', 'keep-alive'].includes(name));
    return { status: response.status, headers: Object.fromEntries(kept), body: await response.text() };
  };
  /** Sends the request twice; returns both answers and how many the validated path gave. */
  const twice = async (subgraph: SubgraphName, who: Caller, body: unknown, headers?: Record<string, string>) => {
    const before = await validatedAnswers(subgraph);
    const first = await send(subgraph, who, body, headers);
    const second = await send(subgraph, who, body, headers);
    return { first, second, validated: (await validatedAnswers(subgraph)) - before };
  };

  test('a query, then the same with an error in its data, then variables refused', async () => {
    const analyst = caller(Role.ANALYST, 'validated-analyst');
    const list = await twice('programmes', analyst, { query: 'query ValidatedProgrammes { programmes { id name validFrom validUntil } }', operationName: 'ValidatedProgrammes' });
    expect(list.validated).toBe(1);
    expect(list.first.status).toBe(200);
    expect(JSON.parse(list.first.body).data.programmes.length).toBeGreaterThan(0);
    expect(list.second).toEqual(list.first);

    // The gateway's `accept`, and Apollo Client's: the content type is negotiated the same way.
    const negotiated = await twice('programmes', analyst, { query: 'query ValidatedProgrammes { programmes { id name validFrom validUntil } }', operationName: 'ValidatedProgrammes' }, { accept: 'application/graphql-response+json' });
    expect(negotiated.validated).toBe(2);
    expect(negotiated.first.headers['content-type']).toBe('application/graphql-response+json; charset=utf-8');
    expect(negotiated.second).toEqual(negotiated.first);

    const one = 'query ValidatedProgramme($id: ID!) { programme(id: $id) { id name } }';
    const missing = await twice('programmes', analyst, { query: one, variables: { id: '00000000-0000-0000-0000-000000000000' } });
    expect(missing.validated).toBe(1);
    expect(JSON.parse(missing.first.body).errors?.length).toBeGreaterThan(0);
    expect(missing.second).toEqual(missing.first);

    // A null for an `ID!`: execution refuses it before any resolver; Apollo Server answers both (400).
    const refused = await twice('programmes', analyst, { query: one, variables: { id: null } });
    expect(refused.validated).toBe(0);
    expect(refused.first.status).toBe(400);
    expect(refused.second).toEqual(refused.first);
  });

  test('entities as the gateway asks for them', async () => {
    const programmeId = hub.demo!.programmes.cso!;
    const analyst = caller(Role.ANALYST, 'validated-analyst');
    const body = {
      query: 'query ValidatedEntities($representations: [_Any!]!) { _entities(representations: $representations) { ... on Programme { id } } }',
      variables: { representations: [{ __typename: 'Programme', id: programmeId }] },
    };
    const answers = await twice('programmes', analyst, body);
    expect(answers.validated).toBe(1);
    expect(JSON.parse(answers.first.body).data._entities).toEqual([{ id: programmeId }]);
    expect(answers.second).toEqual(answers.first);
  });

  test('a mutation answered by the validated path is in the audit log, with the record it made', async () => {
    const operator = caller(Role.OPERATOR, 'operator');
    const mutation = 'mutation ValidatedRegisterFunder($input: RegisterFunderInput!) { registerFunder(input: $input) { funder { id name } error { code message } } }';
    const before = await validatedAnswers('programmes');
    const made: string[] = [];
    for (const name of ['Validated funder one', 'Validated funder two']) {
      const answer = await send('programmes', operator, { query: mutation, variables: { input: { name, kind: 'REGION' } } });
      expect(answer.status).toBe(200);
      const payload = JSON.parse(answer.body).data.registerFunder;
      expect(payload.error).toBeNull();
      made.push(payload.funder.id);
    }
    // The first through Apollo Server, the second by the validated path.
    expect((await validatedAnswers('programmes')) - before).toBe(1);
    const log = await hub.graphql('query { auditLog(first: 20) { nodes { action recordType recordId organisationId role } } }');
    const entries = (log.body.data.auditLog.nodes as { action: string; recordId: string | null; role: string }[]).filter((e) => e.action === 'mutation:registerFunder' && made.includes(e.recordId ?? ''));
    expect(entries.map((e) => e.recordId).sort()).toEqual([...made].sort());
    expect(entries.every((e) => e.role === Role.OPERATOR)).toBe(true);
  });
});
