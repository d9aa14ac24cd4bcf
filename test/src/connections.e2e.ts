import { Role } from '@pass/access';
import { startTestHub, type TestHub } from '@pass/test-kit';
import { gql } from './kit/fixtures';

/*
 * Every connection of the venues, beneficiaries and programmes subgraphs, paged through two rows at
 * a time over the demo data: each row once, in the list's documented order, `totalCount` the whole
 * list, `hasNextPage` false only on the last page; a cursor of another list, or one whose key was
 * edited, is BAD_USER_INPUT naming `after`; the list's access rules hold on every page.
 */
interface Page {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  edges: { cursor: string; node: Record<string, any> }[];
  nodes: Record<string, any>[];
}

const PAGE = 'totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id } }';

type Ask = (after: string | null) => Promise<{ page?: Page; errors?: any[] }>;

/** Every page of a list asked two rows at a time; fails on an error, or past 50 pages. */
async function everyPage(ask: Ask): Promise<Page[]> {
  const pages: Page[] = [];
  let after: string | null = null;
  for (let i = 0; i < 50; i++) {
    const { page, errors } = await ask(after);
    expect(errors).toBeUndefined();
    pages.push(page!);
    if (!page!.pageInfo.hasNextPage) return pages;
    after = page!.pageInfo.endCursor;
  }
  throw new Error('more than 50 pages');
}

/** The checks every connection passes; answers its nodes in page order. */
async function pagesThrough(ask: Ask): Promise<Record<string, any>[]> {
  const pages = await everyPage(ask);
  const nodes = pages.flatMap((p) => p.nodes);
  expect(nodes.length).toBeGreaterThanOrEqual(3);
  expect(pages.length).toBe(Math.ceil(nodes.length / 2));
  expect(pages.map((p) => p.pageInfo.hasNextPage)).toEqual(pages.map((_, i) => i < pages.length - 1));
  for (const page of pages) {
    expect(page.totalCount).toBe(nodes.length);
    expect(page.nodes.length).toBeLessThanOrEqual(2);
    expect(page.edges.map((e) => e.node.id)).toEqual(page.nodes.map((n) => n.id));
    expect(page.pageInfo.endCursor).toBe(page.edges.at(-1)!.cursor);
  }
  expect(new Set(nodes.map((n) => n.id)).size).toBe(nodes.length);
  return nodes;
}

/** A cursor naming `list` with a key no row has: the shape of a real one, edited. */
const edited = (list: string, key: string) => Buffer.from(JSON.stringify(['v1', list, key]), 'utf8').toString('base64url');

async function refusesBadCursors(ask: Ask, list: string, otherListsCursor: string): Promise<void> {
  for (const after of [otherListsCursor, edited(list, 'not json'), edited(list, '["2026-01-01T00:00:00Z"]'), edited(list, '["x","not-a-uuid"]'), 'not a cursor!']) {
    const { errors } = await ask(after);
    expect(errors).toHaveLength(1);
    expect(errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
  }
}

/** Whether times never go back from one row to the next (ties, to the millisecond shown, are ordered by id in SQL). */
const inTimeOrder = (times: string[]) => times.every((t, i) => i === 0 || Date.parse(times[i - 1]!) <= Date.parse(t));

describe('connections: keyset pages, opaque cursors, the same access on every page', () => {
  let hub: TestHub;
  let operator: string;
  beforeAll(async () => {
    hub = await startTestHub({ demo: true });
    operator = await hub.tokenFor({ role: Role.OPERATOR });
  });
  afterAll(() => hub?.close());

  const ask = (token: string, query: string, variables: Record<string, unknown>, pick: (data: any) => Page): Ask => async (after) => {
    const { body } = await hub.graphqlAs(token, query, { ...variables, after });
    return { page: body.data ? pick(body.data) : undefined, errors: body.errors };
  };
  const booksCursor = async () => {
    const { distributor } = await gql(hub, 'query($id: ID!) { distributor(id: $id) { books(first: 1) { pageInfo { endCursor } } } }', { id: hub.demo!.distributors.peNogent }, operator);
    return distributor.books.pageInfo.endCursor as string;
  };

  test('Query.venues: every venue once, by name then id', async () => {
    const venues = ask(operator, `query($after: String) { venues(first: 2, after: $after) { ${PAGE} nodes { id name } } }`, {}, (d) => d.venues);
    const nodes = await pagesThrough(venues);
    // PostgreSQL's collation orders the names; the ids break ties between equal names.
    const { body } = await hub.graphqlAs(operator, '{ venues(first: 100) { totalCount nodes { id } } }');
    expect(nodes.map((n) => n.id)).toEqual(body.data.venues.nodes.map((n: any) => n.id));
    expect(body.data.venues.totalCount).toBe(nodes.length);
    await refusesBadCursors(venues, 'Query.venues', await booksCursor());
  });

  test('Programme.qualifiedVenues: the six CSO venues, by id', async () => {
    const qualified = ask(operator, `query($id: ID!, $after: String) { programme(id: $id) { qualifiedVenues(first: 2, after: $after) { ${PAGE} nodes { id } } } }`, { id: hub.demo!.programmes.cso }, (d) => d.programme.qualifiedVenues);
    const nodes = await pagesThrough(qualified);
    expect(nodes).toHaveLength(6);
    expect(nodes.map((n) => n.id)).toEqual(nodes.map((n) => n.id).sort());
    await refusesBadCursors(qualified, 'Programme.qualifiedVenues', await booksCursor());
  });

  test("Venue.sessions and Workshop.sessions: a venue's three sittings, by start time then id", async () => {
    const venueId = hub.demo!.venues.gestUp!;
    const sessions = ask(operator, `query($id: ID!, $after: String) { venue(id: $id) { sessions(first: 2, after: $after) { ${PAGE} nodes { id startsAt } } } }`, { id: venueId }, (d) => d.venue.sessions);
    const ofVenue = await pagesThrough(sessions);
    expect(ofVenue).toHaveLength(3);
    expect(inTimeOrder(ofVenue.map((s) => s.startsAt))).toBe(true);

    // Gest'Up runs one workshop, the one of the three sittings.
    const ofWorkshop = ask(operator, `query($id: ID!, $after: String) { venue(id: $id) { workshops { sessions(first: 2, after: $after) { ${PAGE} nodes { id startsAt } } } } }`, { id: venueId }, (d) => d.venue.workshops[0].sessions);
    expect(await pagesThrough(ofWorkshop)).toEqual(ofVenue);

    // Each list's cursors are its own, even over the same rows.
    const venueCursor = (await sessions(null)).page!.pageInfo.endCursor!;
    await refusesBadCursors(ofWorkshop, 'Workshop.sessions', venueCursor);
    await refusesBadCursors(sessions, 'Venue.sessions', (await ofWorkshop(null)).page!.pageInfo.endCursor!);
  });

  test("many owners' pages in one statement: each owner's page as asked alone, an empty list and a page past the last row empty with its total", async () => {
    const { venues } = await gql(hub, '{ venues(first: 100) { nodes { id sessions(first: 2) { totalCount nodes { id } pageInfo { hasNextPage endCursor } } } } }', {}, operator);
    const nodes = venues.nodes as { id: string; sessions: Page }[];
    const empty = nodes.filter((v) => v.sessions.totalCount === 0);
    const some = nodes.filter((v) => v.sessions.totalCount > 0);
    expect(empty.length).toBeGreaterThan(0);
    expect(some.length).toBeGreaterThan(0);
    for (const venue of empty) expect(venue.sessions).toEqual({ totalCount: 0, nodes: [], pageInfo: { hasNextPage: false, endCursor: null } });
    for (const venue of [...some, empty[0]!]) {
      const alone = await gql(hub, 'query($id: ID!) { venue(id: $id) { sessions(first: 2) { totalCount nodes { id } pageInfo { hasNextPage endCursor } } } }', { id: venue.id }, operator);
      expect(alone.venue.sessions).toEqual(venue.sessions);
    }
    const gestUp = await gql(hub, 'query($id: ID!) { venue(id: $id) { sessions(first: 3) { pageInfo { endCursor } } } }', { id: hub.demo!.venues.gestUp }, operator);
    const past = await gql(hub, 'query($id: ID!, $after: String) { venue(id: $id) { sessions(first: 2, after: $after) { totalCount nodes { id } pageInfo { hasNextPage endCursor } } } }', { id: hub.demo!.venues.gestUp, after: gestUp.venue.sessions.pageInfo.endCursor }, operator);
    expect(past.venue.sessions).toEqual({ totalCount: 3, nodes: [], pageInfo: { hasNextPage: false, endCursor: null } });
  });

  test('Query.distributors: every distributor for the operator, by name then id; a distributor only itself, on every page', async () => {
    const query = `query($after: String) { distributors(first: 2, after: $after) { ${PAGE} nodes { id name } } }`;
    const all = ask(operator, query, {}, (d) => d.distributors);
    const nodes = await pagesThrough(all);
    expect(nodes.length).toBeGreaterThanOrEqual(7);
    const { body } = await hub.graphqlAs(operator, '{ distributors(first: 100) { nodes { id } } }');
    expect(nodes.map((n) => n.id)).toEqual(body.data.distributors.nodes.map((n: any) => n.id));
    await refusesBadCursors(all, 'Query.distributors', await booksCursor());

    const peNogent = hub.demo!.distributors.peNogent!;
    const itself = ask(await hub.tokenFor({ role: Role.DISTRIBUTOR, organisationId: peNogent }), query, {}, (d) => d.distributors);
    const first = (await itself(null)).page!;
    expect(first).toMatchObject({ totalCount: 1, pageInfo: { hasNextPage: false }, nodes: [{ id: peNogent }] });
    // The operator's cursors lead a distributor to no one else.
    for (const page of await everyPage(all)) {
      const { page: after } = await itself(page.pageInfo.endCursor);
      expect(after!.nodes.every((n) => n.id === peNogent)).toBe(true);
      expect(after!.totalCount).toBe(1);
    }
  });

  test('Distributor.beneficiaries: its six people, by registration time then id, for itself only on every page', async () => {
    const peNogent = hub.demo!.distributors.peNogent!;
    const query = `query($id: ID!, $after: String) { distributor(id: $id) { beneficiaries(first: 2, after: $after) { ${PAGE} nodes { id registeredAt } } } }`;
    const token = await hub.tokenFor({ role: Role.DISTRIBUTOR, organisationId: peNogent });
    const people = ask(token, query, { id: peNogent }, (d) => d.distributor.beneficiaries);
    const nodes = await pagesThrough(people);
    expect(nodes).toHaveLength(6);
    expect(inTimeOrder(nodes.map((b) => b.registeredAt))).toBe(true);
    await refusesBadCursors(people, 'Distributor.beneficiaries', await booksCursor());

    const secondPage = (await people(null)).page!.pageInfo.endCursor;
    const other = await hub.tokenFor({ role: Role.DISTRIBUTOR, organisationId: hub.demo!.distributors.mlCreil });
    for (const caller of [other, operator]) {
      const { body } = await hub.graphqlAs(caller, query, { id: peNogent, after: secondPage });
      expect(body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
  });

  test("Programme.orders: a programme's orders, by placing time then id, for its funders on every page", async () => {
    const creuse = hub.demo!.programmes.creuse;
    const funder = await hub.tokenFor({ role: Role.FUNDER, organisationId: hub.demo!.funders.creuse });
    // The demo places two orders for the Creuse programme; a third makes a list longer than a page.
    const placed = await gql(hub, 'mutation($p: ID!, $f: ID!) { placeOrder(input: { programmeId: $p, funderId: $f, bookCount: 1 }) { order { id } error { code } } }', { p: creuse, f: hub.demo!.funders.creuse }, funder);
    expect(placed.placeOrder.error).toBeNull();
    const query = `query($id: ID!, $after: String) { programme(id: $id) { orders(first: 2, after: $after) { ${PAGE} nodes { id placedAt } } } }`;
    const orders = ask(funder, query, { id: creuse }, (d) => d.programme.orders);
    const nodes = await pagesThrough(orders);
    expect(nodes).toHaveLength(3);
    expect(inTimeOrder(nodes.map((o) => o.placedAt))).toBe(true);
    await refusesBadCursors(orders, 'Programme.orders', await booksCursor());

    const secondPage = (await orders(null)).page!.pageInfo.endCursor;
    const { body } = await hub.graphqlAs(await hub.tokenFor({ role: Role.FUNDER, organisationId: hub.demo!.funders.bfc }), query, { id: creuse, after: secondPage });
    expect(body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  test('a first out of 1-100 is BAD_USER_INPUT naming first, on every new connection', async () => {
    const { demo } = hub;
    const asks: [string, Record<string, unknown>][] = [
      ['query($first: Int!) { venues(first: $first) { totalCount } }', {}],
      ['query($first: Int!) { distributors(first: $first) { totalCount } }', {}],
      ['query($first: Int!, $id: ID!) { programme(id: $id) { qualifiedVenues(first: $first) { totalCount } orders(first: $first) { totalCount } } }', { id: demo!.programmes.cso }],
      ['query($first: Int!, $id: ID!) { venue(id: $id) { sessions(first: $first) { totalCount } } }', { id: demo!.venues.gestUp }],
    ];
    for (const [query, variables] of asks) {
      for (const first of [0, 101]) {
        const { body } = await hub.graphqlAs(operator, query, { ...variables, first });
        expect(body.errors?.length).toBeGreaterThanOrEqual(1);
        for (const error of body.errors!) expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
      }
    }
  });
});
