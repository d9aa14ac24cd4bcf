import { entityReader, readEntities } from '@pass/kit';
import { programmesSubgraph } from '@pass/programmes';
import { venuesSubgraph } from '@pass/venues';
import { vouchersSubgraph } from '@pass/vouchers';
import { startTestHub, type TestHub } from '@pass/test-kit';
import { Column, DataSource, Entity, PrimaryColumn, type DataSourceOptions } from 'typeorm';

/**
 * `readEntities` (the subgraphs' hot reads as plain SQL) must hand the resolvers exactly what
 * TypeORM's repositories would: same class, same properties, same values and types (a `bigint`
 * read back as a number, a `date` as `YYYY-MM-DD`, a nullable timestamp as null), on the demo
 * data in real PostgreSQL.
 */
describe('readEntities reads what the repository reads', () => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startTestHub({ demo: true });
  });
  afterAll(() => hub?.close());

  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  const entityNamed = (entities: unknown, name: string) => (entities as Function[]).find((e) => e.name === name) as new () => object;
  const byJson = (rows: object[]) => [...rows].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));

  test.each([
    ['programmes', 'Programme'],
    ['programmes', 'Funder'],
    ['programmes', 'FundingShare'],
    ['programmes', 'Order'],
    ['vouchers', 'Redemption'],
    ['vouchers', 'Voucher'],
    ['vouchers', 'Book'],
    ['venues', 'Workshop'],
    ['venues', 'WorkshopSession'],
    ['venues', 'Venue'],
  ] as const)('%s: %s', async (subgraph, name) => {
    const module = { programmes: programmesSubgraph, vouchers: vouchersSubgraph, venues: venuesSubgraph }[subgraph];
    const entity = entityNamed(module.entities, name);
    const db: DataSource = hub.subgraphs[subgraph].dataSource;
    const fromRepository = await db.getRepository(entity).find();
    expect(fromRepository.length).toBeGreaterThan(0);
    const read = await readEntities(db, entity, 'true', []);
    expect(read.every((row) => row instanceof entity)).toBe(true);
    expect(byJson(read)).toStrictEqual(byJson(fromRepository));
  });

  test('two entities read in one join, each under its prefix, are what their repositories read', async () => {
    const db: DataSource = hub.subgraphs.programmes.dataSource;
    const share = entityReader(db, entityNamed(programmesSubgraph.entities, 'FundingShare'));
    const funder = entityReader(db, entityNamed(programmesSubgraph.entities, 'Funder'));
    const rows: Record<string, unknown>[] = await db.query(`select ${share.columns('s', 'share.')}, ${funder.columns('f', 'funder.')} from funding_share s join funder f on f.id = s.funder_id`);
    expect(rows.length).toBeGreaterThan(1);
    const shares = await db.getRepository(entityNamed(programmesSubgraph.entities, 'FundingShare')).find();
    const funders = await db.getRepository(entityNamed(programmesSubgraph.entities, 'Funder')).find();
    expect(byJson(rows.map((row) => share.hydrate(row, 'share.')))).toStrictEqual(byJson(shares));
    for (const row of rows) {
      const read = funder.hydrate(row, 'funder.') as { id: string };
      expect(read).toStrictEqual(funders.find((f) => (f as { id: string }).id === read.id));
    }
  });

  test('a column kind the reader was not checked against is refused, not read wrong', async () => {
    // `simple-json` is text that TypeORM parses and pg would not: no entity of the hub has one.
    @Entity({ name: 'venue' })
    class VenueWithJsonText {
      @PrimaryColumn('uuid')
      id!: string;

      @Column('simple-json', { name: 'name' })
      name!: unknown;
    }
    const db = new DataSource({ ...hub.subgraphs.venues.dataSource.options, entities: [VenueWithJsonText], migrations: [], migrationsRun: false, synchronize: false } as DataSourceOptions);
    await db.initialize();
    try {
      await expect(readEntities(db, VenueWithJsonText, 'true', [])).rejects.toThrow('VenueWithJsonText.name is a simple-json column');
    } finally {
      await db.destroy();
    }
  });
});
