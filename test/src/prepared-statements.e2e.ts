import 'reflect-metadata';
import type { DataSource, QueryRunner } from 'typeorm';
import { createScratchDatabase, openSubgraphDataSource, type ScratchDatabase } from '@pass/kit';
import { createLogger } from '@pass/runtime';

/*
 * The subgraphs' connections run parameterised statements as named prepared statements
 * (subgraphs/kit/src/db/prepared-statements.ts). What must hold: the same answers, a statement
 * prepared once per connection, `*` projections and unparameterised statements left unnamed, and
 * a connection that recovers by itself when a migration changed a prepared statement's result type.
 */
describe('prepared statements on the subgraphs’ connections', () => {
  let database: ScratchDatabase;
  let dataSource: DataSource;
  let runner: QueryRunner;

  /** The statements prepared on the runner's connection, by text. */
  const prepared = async (): Promise<string[]> =>
    ((await runner.query('select statement from pg_prepared_statements order by prepare_time')) as { statement: string }[]).map((r) => r.statement);

  beforeAll(async () => {
    database = await createScratchDatabase(process.env.PASS_TEST_SERVER_URL!);
    dataSource = await openSubgraphDataSource({ url: database.url, schema: 'prepared_probe', entities: [], migrations: [], logger: createLogger('prepared-statements-test') });
    runner = dataSource.createQueryRunner();
    await runner.connect();
    await runner.query('create table probe (id int primary key, label text not null)');
    await runner.query(`insert into probe values (1, 'one'), (2, 'two')`);
  });

  afterAll(async () => {
    await runner?.release();
    await dataSource?.destroy();
    await database?.drop();
  });

  it('prepares a parameterised statement once per connection and answers as before', async () => {
    const text = 'select id, label from probe where id = $1';
    expect(await runner.query(text, [1])).toEqual([{ id: 1, label: 'one' }]);
    expect(await runner.query(text, [2])).toEqual([{ id: 2, label: 'two' }]);
    expect(await runner.query(text, [3])).toEqual([]);
    expect((await prepared()).filter((s) => s === text)).toHaveLength(1);
  });

  it('leaves `*` projections and statements without parameters unnamed, and still counts rows with count(*)', async () => {
    expect(await runner.query('select * from probe where id = $1', [1])).toEqual([{ id: 1, label: 'one' }]);
    expect(await runner.query('select p.* from probe p where p.id = $1', [2])).toEqual([{ id: 2, label: 'two' }]);
    expect(await runner.query('select label from probe where id = 1')).toEqual([{ label: 'one' }]);
    expect(await runner.query('select count(*)::int n from probe where id >= $1', [1])).toEqual([{ n: 2 }]);
    const texts = await prepared();
    expect(texts).toContain('select count(*)::int n from probe where id >= $1');
    expect(texts.filter((s) => s.includes('*') && !s.includes('count(*)'))).toEqual([]);
    expect(texts).not.toContain('select label from probe where id = 1');
  });

  it('keeps a prepared statement working when a migration adds a column', async () => {
    const text = 'select label from probe where id = $1';
    expect(await runner.query(text, [1])).toEqual([{ label: 'one' }]);
    expect(await prepared()).toContain(text);
    await runner.query('alter table probe add column note text');
    expect(await runner.query(text, [1])).toEqual([{ label: 'one' }]);
  });

  it('re-prepares a statement whose result type a migration changed: one call fails, the next succeeds', async () => {
    const text = 'select id, label from probe where id = $1 and id > 0';
    expect(await runner.query(text, [1])).toEqual([{ id: 1, label: 'one' }]);
    await runner.query(`alter table probe alter column label type int using id * 10`);
    await expect(runner.query(text, [1])).rejects.toThrow(/cached plan must not change result type/);
    expect(await runner.query(text, [1])).toEqual([{ id: 1, label: 10 }]);
    expect(await runner.query(text, [2])).toEqual([{ id: 2, label: 20 }]);
  });

  it('recovers the same way when the refusal comes inside a transaction', async () => {
    const text = 'select id, label from probe where id = $1 and id < 100';
    expect(await runner.query(text, [2])).toEqual([{ id: 2, label: 20 }]);
    await runner.query(`alter table probe alter column label type text using 'label ' || label`);
    await runner.startTransaction();
    await expect(runner.query(text, [2])).rejects.toThrow(/cached plan must not change result type/);
    await runner.rollbackTransaction();
    await runner.startTransaction();
    expect(await runner.query(text, [2])).toEqual([{ id: 2, label: 'label 20' }]);
    await runner.commitTransaction();
  });

  it('sends every statement unnamed under PASS_PREPARED_STATEMENTS=off', () => {
    const previous = process.env.PASS_PREPARED_STATEMENTS;
    process.env.PASS_PREPARED_STATEMENTS = 'off';
    try {
      jest.isolateModules(() => {
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        const { statementName } = require('../../subgraphs/kit/src/db/prepared-statements') as typeof import('../../subgraphs/kit/src/db/prepared-statements');
        expect(statementName('select id from probe where id = $1')).toBeNull();
      });
    } finally {
      if (previous === undefined) delete process.env.PASS_PREPARED_STATEMENTS;
      else process.env.PASS_PREPARED_STATEMENTS = previous;
    }
  });
});
