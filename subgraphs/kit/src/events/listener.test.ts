import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { createScratchDatabase, type ScratchDatabase } from '../db/postgres';
import { createLogger, listenWithReconnect } from '@pass/runtime';
import { ensureEventBus, publish, startEventConsumer } from './event-bus';

/*
 * LISTEN comes back by itself: the listening backend is killed with pg_terminate_backend, and
 * the next NOTIFY still wakes the reader, for a bare listener and for the event bus's consumers
 * (which no longer poll, so only a reconnection can make them catch up).
 */
describe('a LISTEN connection that is dropped comes back', () => {
  let database: ScratchDatabase;
  let admin: Client;
  const logger = createLogger('listener-test');

  beforeAll(async () => {
    database = await createScratchDatabase(process.env.PASS_TEST_SERVER_URL!);
    admin = new Client({ connectionString: database.url });
    await admin.connect();
  });
  afterAll(async () => {
    await admin?.end();
    await database?.drop();
  });

  const eventually = async (check: () => boolean | Promise<boolean>, what: string) => {
    for (let i = 0; i < 200; i++) {
      if (await check()) return;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`never happened: ${what}`);
  };

  const terminate = (pid: number) => admin.query('select pg_terminate_backend($1)', [pid]);

  test('a listener wakes on NOTIFY, reconnects after its backend is terminated, and wakes again', async () => {
    let wakes = 0;
    const listener = listenWithReconnect({ url: database.url, channel: 'test_wake', onWake: () => (wakes += 1), logger, minDelayMs: 20 });
    await listener.ready;
    const firstPid = listener.backendPid()!;
    expect(firstPid).toEqual(expect.any(Number));
    const afterConnect = wakes;
    await admin.query(`notify test_wake`);
    await eventually(() => wakes > afterConnect, 'a wake-up on NOTIFY');

    await terminate(firstPid);
    await eventually(() => listener.backendPid() !== null && listener.backendPid() !== firstPid, 'a new listening backend');
    const afterReconnect = wakes;
    await admin.query(`notify test_wake`);
    await eventually(() => wakes > afterReconnect, 'a wake-up on NOTIFY after reconnecting');

    // Killed twice more in a row: it keeps coming back.
    for (let i = 0; i < 2; i++) {
      const pid = listener.backendPid()!;
      await terminate(pid);
      await eventually(() => listener.backendPid() !== null && listener.backendPid() !== pid, 'another new backend');
    }
    await listener.close();
  });

  test("the event bus's consumer applies an event published after its listener was killed", async () => {
    await ensureEventBus(database.url);
    const dataSource = new DataSource({ type: 'postgres', url: database.url });
    await dataSource.initialize();
    const applied: string[] = [];
    const consumer = await startEventConsumer({
      dataSource,
      url: database.url,
      name: 'listener-test',
      handlers: { 'test.fact': async (payload: { id: string }) => void applied.push(payload.id) },
      logger,
    });
    const pid = consumer.listenerPid()!;
    await terminate(pid);
    await eventually(() => consumer.listenerPid() !== null && consumer.listenerPid() !== pid, 'the consumer listening again');
    await dataSource.transaction((tx) => publish(tx, [{ topic: 'test.fact', payload: { id: 'after-the-drop' } }]));
    await eventually(() => applied.includes('after-the-drop'), 'the event applied without an explicit catch-up');
    await consumer.stop();
    await dataSource.destroy();
  });
});
