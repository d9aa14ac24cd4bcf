import { Role } from '@pass/access';
import { manifestFromPersistedDocuments, createGateway } from '@pass/gateway';
import { partnerOperations, persistedDocuments } from '@pass/clients';
import { readSupergraph } from '@pass/schema';
import { createLogger } from '@pass/runtime';
import { startTestHub } from '@pass/test-kit';
import { handOutFreshBook, registerVenue, scheduleSessions, seedSmallProgramme, venueToken } from './kit/fixtures';

/*
 * A registered operation, after its first request, runs from its query plan without Apollo
 * Server's pipeline (gateway/src/edge/registered-plans.ts), and a request's entity fetches that
 * its plan runs side by side to one subgraph go in one call (gateway/src/edge/entity-batch.ts).
 * Whatever path a request takes, the partner must get the same answer: this suite sends each
 * request to the hub's gateway and to a second gateway on the same subgraphs with both turned
 * off (`registeredPlans: false`, `mergeEntityFetches: false`: Apollo's own way), and compares
 * status, headers and body byte for byte. The counters `gateway_registered_plan_answers_total`
 * and `gateway_subgraph_merged_fetches_total` say which requests took the other paths.
 */

/** The hub, and a second gateway on its subgraphs with the plan path off; `both` compares them. */
async function startPair(options: { demo: boolean; persistedOnly: boolean }) {
  const hub = await startTestHub(options);
  const plain = await createGateway({
    supergraphSdl: readSupergraph(),
    subgraphUrls: hub.subgraphUrls,
    keys: hub.keys,
    operations: manifestFromPersistedDocuments(persistedDocuments()),
    persistedOnly: options.persistedOnly,
    registeredPlans: false,
    mergeEntityFetches: false,
    logger: createLogger('plain-gateway'),
  });
  const plainUrl = await plain.listen();

  /** A counter of the hub's gateway, summed over its labels (those given must match). */
  async function counter(name: string, labels = ''): Promise<number> {
    const metrics = await (await fetch(hub.gatewayUrl.replace(/\/graphql$/, '/metrics'))).text();
    return metrics
      .split('\n')
      .filter((l) => l.startsWith(`${name} `) || (l.startsWith(`${name}{`) && l.includes(labels)))
      .reduce((sum, l) => sum + Number(l.split(' ').pop()), 0);
  }
  /** The hub gateway's count of answers given from a plan. */
  const planAnswers = () => counter('gateway_registered_plan_answers_total');
  /** Requests the hub gateway's plan runner answered, and handed back to Apollo's executor. */
  const runner = async () => ({
    answered: await counter('gateway_plan_runner_requests_total', 'outcome="answered"'),
    handedBack: await counter('gateway_plan_runner_requests_total', 'outcome="handed_back"'),
  });

  /** Status, headers (but those of the connection and the request's own: date, request id) and body. */
  async function send(url: string, token: string, body: unknown, headers: Record<string, string> = {}) {
    const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, ...headers }, body: JSON.stringify(body) });
    const kept = [...response.headers].filter(([name]) => !['date', 'x-request-id', 'connection', 'keep-alive'].includes(name));
    return { status: response.status, headers: Object.fromEntries(kept), body: await response.text() };
  }

  /** Sends the request to both gateways; returns both answers and how many the plan gave (0 or 1). */
  async function both(token: string, body: unknown, headers?: Record<string, string>) {
    const before = await planAnswers();
    const fast = await send(hub.gatewayUrl, token, body, headers);
    const fromPlan = (await planAnswers()) - before;
    const slow = await send(plainUrl, token, body, headers);
    return { fast, slow, fromPlan };
  }

  return {
    hub,
    planAnswers,
    runner,
    /** Entity fetches the hub's gateway sent in one call with others of their request. */
    mergedFetches: () => counter('gateway_subgraph_merged_fetches_total'),
    both,
    /** To the hub's gateway only. */
    send: (token: string, body: unknown) => send(hub.gatewayUrl, token, body),
    close: async () => {
      await plain.close();
      await hub.close();
    },
  };
}

const text = (name: string) => partnerOperations().find((o) => o.name === name)!.document;

type Pair = Awaited<ReturnType<typeof startPair>>;

/** A pair started before the describe block's tests and closed after them (read its fields inside tests). */
function usePair(options: Parameters<typeof startPair>[0]): Pair {
  const pair = {} as Pair;
  beforeAll(async () => {
    Object.assign(pair, await startPair(options));
  });
  afterAll(() => pair.close?.());
  return pair;
}

describe('registered operations from their plan answer exactly as through Apollo Server', () => {
  const pair = usePair({ demo: true, persistedOnly: true });
  const both: Pair['both'] = (...args) => pair.both(...args);

  test("each partner query: the first request through Apollo Server, the next from the plan, both as the plain gateway's", async () => {
    const demo = pair.hub.demo!;
    const cases = [
      { name: 'funder-programme', caller: { role: Role.FUNDER, organisationId: demo.funders.cso }, variables: { funderId: demo.funders.cso } },
      { name: 'distributor-books', caller: { role: Role.DISTRIBUTOR, organisationId: demo.distributors.peNogent! }, variables: { distributorId: demo.distributors.peNogent, first: 20 } },
      { name: 'venue-sessions', caller: { role: Role.VENUE, organisationId: demo.venues.gestUp! }, variables: { venueId: demo.venues.gestUp } },
      {
        name: 'coordinator-programme',
        caller: { role: Role.COORDINATOR, organisationId: 'cso-team', programmeIds: [demo.programmes.cso] },
        variables: { programmeId: demo.programmes.cso },
      },
    ];
    const merged: Record<string, number> = {};
    for (const c of cases) {
      const token = await pair.hub.tokenFor(c.caller);
      const body = { query: text(c.name), variables: c.variables };
      const mergedBefore = await pair.mergedFetches();
      const runnerBefore = await pair.runner();
      const first = await both(token, body);
      const second = await both(token, body);
      merged[c.name] = (await pair.mergedFetches()) - mergedBefore;
      const runnerAfter = await pair.runner();
      expect([c.name, first.fromPlan, second.fromPlan]).toEqual([c.name, 0, 1]);
      // The request from the plan was the plan runner's, not handed back to Apollo's executor.
      expect([c.name, runnerAfter.answered - runnerBefore.answered, runnerAfter.handedBack - runnerBefore.handedBack]).toEqual([c.name, 1, 0]);
      expect(second.fast.status).toBe(200);
      expect(second.fast.headers['cache-control']).toBe('no-store');
      expect(JSON.parse(second.fast.body).errors).toBeUndefined();
      for (const answer of [first, second]) expect(answer.fast).toEqual(answer.slow);
    }
    // The venue's page asks vouchers for its amount due and its sessions' redemptions side by
    // side: one call carried both fetches, on each of the two requests. The others have no such pair.
    expect(merged).toEqual({ 'funder-programme': 0, 'distributor-books': 0, 'venue-sessions': 4, 'coordinator-programme': 0 });
  });

  test('what the caller gets wrong or may not see goes the same way: bad variables, another funder, an unknown id', async () => {
    const demo = pair.hub.demo!;
    const funder = await pair.hub.tokenFor({ role: Role.FUNDER, organisationId: demo.funders.cso });
    const query = text('funder-programme');
    await both(funder, { query, variables: { funderId: demo.funders.cso } });
    // Variables refused by their type go back to Apollo Server, which answers them.
    const badType = await both(funder, { query, variables: { funderId: { not: 'an id' } } });
    expect(badType.fromPlan).toBe(0);
    expect(badType.fast.status).toBe(400);
    expect(badType.fast).toEqual(badType.slow);
    const missing = await both(funder, { query, variables: {} });
    expect(missing.fromPlan).toBe(0);
    expect(missing.fast).toEqual(missing.slow);
    // Another funder's programmes and an id that names nothing: answered from the plan, errors and all.
    for (const [funderId, code] of [
      [demo.funders.bfc, 'FORBIDDEN'],
      ['no-such-funder', 'NOT_FOUND'],
    ]) {
      const runnerBefore = await pair.runner();
      const other = await both(funder, { query, variables: { funderId } });
      expect(other.fromPlan).toBe(1);
      // A subgraph's error: the runner hands the request to Apollo's executor, which reports it.
      expect((await pair.runner()).handedBack - runnerBefore.handedBack).toBe(1);
      expect(other.fast).toEqual(other.slow);
      expect(JSON.parse(other.fast.body).errors.map((e: { extensions: { code: string } }) => e.extensions.code)).toEqual([code]);
    }
  });

  test('content negotiation as Apollo Server does it; what it refuses or reads differently goes to it', async () => {
    const demo = pair.hub.demo!;
    const funder = await pair.hub.tokenFor({ role: Role.FUNDER, organisationId: demo.funders.cso });
    const body = { query: text('funder-programme'), variables: { funderId: demo.funders.cso } };
    await both(funder, body);
    // Apollo Client's default: GraphQL's own media type preferred.
    const apolloClient = await both(funder, body, { accept: 'application/graphql-response+json,application/json;q=0.9' });
    expect(apolloClient.fromPlan).toBe(1);
    expect(apolloClient.fast.headers['content-type']).toBe('application/graphql-response+json; charset=utf-8');
    expect(apolloClient.fast).toEqual(apolloClient.slow);
    const axios = await both(funder, body, { accept: 'application/json, text/plain, */*' });
    expect(axios.fromPlan).toBe(1);
    expect(axios.fast.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(axios.fast).toEqual(axios.slow);
    // No partner answer is ever stored by a cache on the way.
    expect(axios.fast.headers['cache-control']).toBe('no-store');
    // Refused by Apollo Server (406), or not its to read here: the same answer through it.
    for (const [request, headers] of [
      [body, { accept: 'text/html' }],
      [{ ...body, operationName: '' }, {}],
      [{ ...body, extensions: 5 }, {}],
      [{ ...body, extensions: { persistedQuery: { version: 1 } } }, {}],
    ] as const) {
      const answer = await both(funder, request, headers);
      expect(answer.fromPlan).toBe(0);
      expect(answer.fast.status).toBeGreaterThanOrEqual(400);
      expect(answer.fast).toEqual(answer.slow);
    }
  });

  test("no caller sees the gateway's plan, whatever header asks for it", async () => {
    const demo = pair.hub.demo!;
    const funder = await pair.hub.tokenFor({ role: Role.FUNDER, organisationId: demo.funders.cso });
    const body = { query: text('funder-programme'), variables: { funderId: demo.funders.cso } };
    for (let i = 0; i < 2; i++) {
      const answer = await both(funder, body, { 'apollo-query-plan-experimental': '1', 'apollo-query-plan-experimental-format': 'internal' });
      expect(answer.fast).toEqual(answer.slow);
      expect(JSON.parse(answer.fast.body).extensions).toBeUndefined();
    }
  });
});

describe('a redemption from its plan', () => {
  // Outside production mode, so that the fixtures may seed with ad hoc operations; registered
  // texts still run from their plan.
  const pair = usePair({ demo: false, persistedOnly: false });

  test('taken once from the plan, its replay answered the same by both paths', async () => {
    const venueId = await registerVenue(pair.hub, { name: 'Médiathèque du Plan', address: 'Creil', inseeCode: '60175' });
    const { programmeId, distributorId } = await seedSmallProgramme(pair.hub, 2, venueId);
    // A person takes one seat per session: one session per redemption.
    const sessionIds = await scheduleSessions(pair.hub, venueId, 2);
    const { voucherCodes } = await handOutFreshBook(pair.hub, programmeId, distributorId);
    const token = await venueToken(pair.hub, venueId);
    const query = text('venue-redeem');
    const redeem = (voucherCode: string, sessionId: string, idempotencyKey: string) => ({ query, variables: { input: { voucherCode, sessionId, idempotencyKey } } });
    // The first request of the text (through Apollo Server) leaves its plan behind.
    const first = await pair.send(token, redeem(voucherCodes[0]!, sessionIds[0]!, 'plan-test-0000-first'));
    expect(JSON.parse(first.body).data.redeemVoucher.redemption).not.toBeNull();
    const before = await pair.planAnswers();
    const runnerBefore = await pair.runner();
    const taken = await pair.send(token, redeem(voucherCodes[1]!, sessionIds[1]!, 'plan-test-0000-second'));
    expect((await pair.planAnswers()) - before).toBe(1);
    // A mutation is Apollo's executor's to run (its fields one after the other), never the plan runner's.
    expect(await pair.runner()).toEqual(runnerBefore);
    const answer = JSON.parse(taken.body).data.redeemVoucher;
    expect(answer.error).toBeNull();
    expect(answer.redemption.voucher.code).toBe(voucherCodes[1]);
    // The same request again is the same redemption (idempotency key), whichever path answers it.
    const replay = await pair.both(token, redeem(voucherCodes[1]!, sessionIds[1]!, 'plan-test-0000-second'));
    expect(replay.fromPlan).toBe(1);
    expect(replay.fast).toEqual(replay.slow);
    expect(replay.fast.body).toBe(taken.body);
  });
});
