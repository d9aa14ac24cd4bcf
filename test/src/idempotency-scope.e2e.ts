import { randomUUID } from 'node:crypto';
import { startTestHub, type TestHub } from '@pass/test-kit';
import { handOutFreshBook, redeem, scheduleSessions, venueToken } from './kit/fixtures';

/** An idempotency key is the calling venue's: another venue choosing the same key is not blocked by it. */
describe('idempotency keys per venue', () => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startTestHub({ demo: true });
  });
  afterAll(() => hub?.close());

  test('two venues using the same key for their own redemptions both succeed', async () => {
    const { programmes, distributors, venues } = hub.demo!;
    const key = `shared-${randomUUID()}`;
    const answers = [];
    for (const venueId of [venues.compagnons!, venues.gestUp!]) {
      const { voucherCodes } = await handOutFreshBook(hub, programmes.cso, distributors.peNogent!);
      const [sessionId] = await scheduleSessions(hub, venueId, 1);
      answers.push(await redeem(hub, await venueToken(hub, venueId), { voucherCode: voucherCodes[0]!, sessionId: sessionId!, idempotencyKey: key }));
    }
    expect(answers.map((a) => a.error)).toEqual([null, null]);
    expect(answers[0]!.redemption!.id).not.toBe(answers[1]!.redemption!.id);
  });
});
