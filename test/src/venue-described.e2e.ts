import { venuesSubgraph } from '@pass/venues';
import { startTestHub, type TestHub } from '@pass/test-kit';
import type { MigrationInterface } from 'typeorm';

/*
 * The vouchers subgraph answers a venue's name and commune under a redemption and a programme's
 * venue activity from its replica of `venue.described` (`@provides`: one round trip fewer for the
 * partner pages). Every venue write publishes the fact; what the pages show must follow.
 */
describe('venue.described: the names partner pages show under redemptions follow the venues subgraph', () => {
  let hub: TestHub;
  let venueId: string;
  beforeAll(async () => {
    hub = await startTestHub({ demo: true });
    [{ venue_id: venueId }] = await hub.subgraphs.vouchers.dataSource.query('select venue_id from redemption limit 1');
  });
  afterAll(() => hub?.close());

  const PAGE = `query ($id: ID!) { venue(id: $id) { name inseeCode sessions(first: 50) { nodes { redemptions { venue { name inseeCode } } } } } }`;
  /** The venue's own name and commune (venues subgraph) and those shown under its redemptions (vouchers' replica). */
  const page = async () => {
    const { body } = await hub.graphql(PAGE, { id: venueId });
    const shown = (body.data?.venue?.sessions.nodes ?? []).flatMap((s: { redemptions: { venue: unknown }[] }) => s.redemptions.map((r) => r.venue));
    return { body, own: body.data?.venue && { name: body.data.venue.name, inseeCode: body.data.venue.inseeCode }, shown };
  };
  const replica = async () =>
    (await hub.subgraphs.vouchers.dataSource.query('select venue_id, name, insee_code from venue_fact order by venue_id')) as { venue_id: string; name: string }[];
  const venues = async () => (await hub.subgraphs.venues.dataSource.query('select id as venue_id, name, insee_code from venue order by id')) as { venue_id: string; name: string }[];

  test('every registered venue is in the replica, and a redemption shows its venue as the venues subgraph does', async () => {
    await hub.catchUp();
    expect(await replica()).toEqual(await venues());
    const { body, own, shown } = await page();
    expect(body.errors).toBeUndefined();
    expect(shown.length).toBeGreaterThan(0);
    for (const venue of shown) expect(venue).toEqual(own);
  });

  test('a venue renamed by an import shows its new name under its redemptions once the replica has caught up', async () => {
    const [{ name, source }] = await hub.subgraphs.venues.dataSource.query('select name, source from venue where id = $1', [venueId]);
    const exported = (await hub.graphql('query ($source: String) { venuesCsv(source: $source) }', { source })).body.data.venuesCsv as string;
    const quoted = `"${name.replace(/"/g, '""')}"`;
    expect(exported.split(quoted)).toHaveLength(2);
    const renamed = `${name} (Maison France services)`;
    const { body: imported } = await hub.graphql(
      'mutation ($input: ImportVenuesInput!) { importVenues(input: $input) { report { updated unchanged rejected } error { code } } }',
      { input: { csv: exported.replace(quoted, `"${renamed}"`) } },
    );
    expect(imported.data.importVenues).toMatchObject({ report: { updated: 1, rejected: 0 }, error: null });
    await hub.catchUp();
    const { body, own, shown } = await page();
    expect(body.errors).toBeUndefined();
    expect(own.name).toBe(renamed);
    for (const venue of shown) expect(venue).toEqual(own);
  });

  test('a venue missing from the replica is an error that says so, never a wrong or empty name', async () => {
    await hub.subgraphs.vouchers.dataSource.query('delete from venue_fact where venue_id = $1', [venueId]);
    const { body, shown } = await page();
    expect(body.errors?.[0]?.message).toContain("has not reached the vouchers subgraph's replica of venue.described");
    expect(body.errors?.[0]?.extensions?.code).toBe('REPLICA_BEHIND');
    // The names are non-null: the error takes the nullable venue with it rather than show a blank.
    expect(shown).toEqual([]);
  });

  test('the migration that introduced the fact describes every venue written before it', async () => {
    await hub.subgraphs.vouchers.dataSource.query('delete from venue_fact');
    const migration = (venuesSubgraph.migrations as (new () => MigrationInterface)[]).map((m) => new m()).find((m) => m.name?.startsWith('VenueDescribed'))!;
    const runner = hub.subgraphs.venues.dataSource.createQueryRunner();
    try {
      await runner.startTransaction();
      await migration.up(runner);
      await runner.commitTransaction();
    } finally {
      await runner.release();
    }
    await hub.catchUp();
    expect((await replica()).length).toBeGreaterThan(0);
    expect(await replica()).toEqual(await venues());
  });
});
