import { randomUUID } from 'node:crypto';
import { Role } from '@pass/access';
import type { Restart } from '@pass/clients';
import { startTestHub, type TestHub } from '@pass/test-kit';
import { gql, venueToken, seedLiveProgramme, sleep, type LiveProgramme } from '../kit/fixtures';

/*
 * The hub as `npm start` runs it, a process per part. The vouchers subgraph's process is killed
 * outright (SIGKILL: no drain, no goodbye) while venues redeem and partners read:
 *  - a query that needs vouchers data answers the rest of its data, with an error saying which
 *    part is missing (not the internal host, not the subgraph's name in `extensions`);
 *  - a query that needs no vouchers data never notices;
 *  - the launcher starts vouchers again by itself;
 *  - every redemption the hub acknowledged before the kill is in the database afterwards.
 */
const SESSION = `query Session($id: ID!) { workshopSession(id: $id) { id seats venue { name } seatsLeft } }`;
const VENUE = `query Venue($id: ID!) { venue(id: $id) { id name } funders { id name } }`;
const REDEEM = `mutation ($input: RedeemVoucherInput!) { redeemVoucher(input: $input) { redemption { id } error { code message } } }`;

interface Answer {
  status: number;
  body: { data?: any; errors?: { message: string; extensions?: Record<string, unknown> }[] };
}

describe('a subgraph process killed under load', () => {
  let hub: TestHub;
  let programme: LiveProgramme;

  beforeAll(async () => {
    hub = await startTestHub({ layout: 'processes' });
    programme = await seedLiveProgramme(hub, 12, 5, 'Les Compagnons du Marais');
  }, 600_000);
  afterAll(async () => {
    await hub?.close();
  });

  test('partial answers naming what is missing, others unaffected, restarted without a person, no acknowledged redemption lost', async () => {
    const vouchers = hub.processes!.vouchers;
    const pidBefore = vouchers.pid;
    const restarted = new Promise<Restart>((resolve) => vouchers.once('restarted', resolve));
    const operator = await hub.tokenFor({ role: Role.OPERATOR, organisationId: 'operator-crash-1' });
    const reader = await hub.tokenFor({ role: Role.OPERATOR, organisationId: 'operator-crash-2' });
    const venue = await venueToken(hub, programme.venueId);
    const sessionId = programme.sessions[0]!;

    const needing: Answer[] = [];
    const notNeeding: Answer[] = [];
    const acknowledged: { id: string; sessionId: string }[] = [];
    let refused = 0;
    let retried = 0;
    let phase: 'before' | 'down' | 'after' = 'before';
    const downAnswers: Answer[] = [];
    let stop = false;

    // Three loops side by side: a read that needs vouchers, one that does not, and redemptions.
    const readLoop = async (token: string, query: string, variables: Record<string, unknown>, into: Answer[]) => {
      while (!stop) {
        const answer = await hub.graphqlAs(token, query, variables);
        into.push(answer);
        if (into === needing && phase === 'down') downAnswers.push(answer);
        await sleep(50);
      }
    };
    // As a venue's device does: an answer lost to a failure is retried with the same idempotency
    // key (replayed if it had been recorded), a refusal moves on to the next voucher.
    const redeemLoop = async () => {
      let k = 0;
      let input = nextInput(0);
      while (!stop && k < programme.vouchers.length) {
        const answer = await hub.graphqlAs(venue, REDEEM, { input }).catch(() => null);
        const payload = answer?.body.data?.redeemVoucher;
        if (payload) {
          if (payload.redemption) acknowledged.push({ id: payload.redemption.id, sessionId: input.sessionId! });
          else refused += 1;
          k += 1;
          input = nextInput(k);
        } else {
          retried += 1;
        }
        await sleep(50);
      }
    };
    const nextInput = (k: number) => ({
      voucherCode: programme.vouchers[k]!,
      sessionId: programme.sessions[k % programme.sessions.length],
      idempotencyKey: `crash-${randomUUID()}`,
    });
    const loops = Promise.all([
      readLoop(operator, SESSION, { id: sessionId }, needing),
      readLoop(reader, VENUE, { id: programme.venueId }, notNeeding),
      redeemLoop(),
    ]);

    await waitUntil(() => acknowledged.length >= 10, 'ten acknowledged redemptions before the kill');
    const acknowledgedBeforeKill = [...acknowledged];
    const needingBeforeKill = [...needing];
    phase = 'down';
    vouchers.kill('SIGKILL');
    await waitUntil(() => downAnswers.some((a) => a.body.errors), 'an answer while vouchers is down');
    const restart = await restarted;
    phase = 'after';
    const needingAfter = needing.length;
    await waitUntil(() => needing.length > needingAfter + 3 && acknowledged.length > acknowledgedBeforeKill.length, 'answers after the restart');
    stop = true;
    await loops;
    process.stdout.write(
      `vouchers killed and restarted by the launcher: waited ${restart.delayMs} ms, ready again ${restart.downMs} ms after the kill; ` +
        `${acknowledged.length} redemptions acknowledged (${acknowledgedBeforeKill.length} before the kill), ${retried} retried, ${refused} refused; ${needing.length} + ${notNeeding.length} reads\n`,
    );

    // Restarted, by the launcher, as a new process.
    expect(restart.signal).toBe('SIGKILL');
    expect(vouchers.pid).not.toBe(pidBefore);
    expect(vouchers.restarts).toBe(1);

    // Before the kill the read was whole.
    expect(needingBeforeKill.length).toBeGreaterThan(0);
    for (const answer of needingBeforeKill) expect(answer.body.errors).toBeUndefined();

    // While it was down: the session's own fields are there, seatsLeft is null, and the error
    // names the missing part in words, with no host, port or subgraph name in extensions.
    const partial = downAnswers.find((a) => a.body.errors)!;
    expect(partial.status).toBe(200);
    expect(partial.body.data?.workshopSession).toMatchObject({ id: sessionId, seats: 100, venue: { name: 'Les Compagnons du Marais' }, seatsLeft: null });
    expect(partial.body.errors).toHaveLength(1);
    const [error] = partial.body.errors!;
    expect(error!.extensions).toEqual({ code: 'DATA_UNAVAILABLE' });
    expect(error!.message).toContain('books, vouchers, redemptions and reimbursements are unavailable');
    expect(JSON.stringify(partial.body)).not.toMatch(/127\.0\.0\.1|localhost|ECONNREFUSED|serviceName|:\d{4,5}\//);

    // Reads that need no vouchers data were all answered in full, kill or not.
    expect(notNeeding.length).toBeGreaterThan(0);
    for (const answer of notNeeding) {
      expect(answer.status).toBe(200);
      expect(answer.body.errors).toBeUndefined();
      expect(answer.body.data.venue.name).toBe('Les Compagnons du Marais');
    }

    // After the restart the same read is whole again.
    const last = needing[needing.length - 1]!;
    expect(last.body.errors).toBeUndefined();
    expect(typeof last.body.data.workshopSession.seatsLeft).toBe('number');

    // No acknowledged redemption lost: each is in the vouchers subgraph's table, once.
    expect(refused).toBe(0);
    const ids = acknowledged.map((a) => a.id);
    const rows: { id: string }[] = await hub.subgraphs.vouchers.dataSource.query(`select id from redemption where id = any($1)`, [ids]);
    expect(rows.map((r) => r.id).sort()).toEqual([...new Set(ids)].sort());
    expect(acknowledgedBeforeKill.length).toBeGreaterThanOrEqual(10);
    // And through the API, as partners see them.
    const { workshopSession } = await gql(hub, `query ($id: ID!) { workshopSession(id: $id) { redemptions { id } } }`, { id: sessionId });
    const inSession = acknowledged.filter((a) => a.sessionId === sessionId).map((a) => a.id);
    expect(workshopSession.redemptions.map((r: { id: string }) => r.id)).toEqual(expect.arrayContaining(inSession));
  }, 300_000);
});

async function waitUntil(condition: () => boolean, what: string, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(25);
  }
}
