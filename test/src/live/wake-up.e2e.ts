import { startTestHub, type TestHub } from '@pass/test-kit';
import { redeemNth, seedLiveProgramme, sleep, venueTokens, type LiveProgramme } from '../kit/fixtures';
import { connectLive, SUBSCRIBE_IDS } from './live-client';

/*
 * The vouchers subgraph wakes the gateways' live feeds after each redemption commits
 * (live/wake-up.ts; no longer a trigger inside the redemption's transaction, migration 0019). Here
 * the feed's safety poll is an hour, so only that wake-up can deliver an event within the
 * suite's wait: one redemption alone, then twenty at once (their NOTIFYs coalesced, the last
 * ones covered by the NOTIFY sent after the one in flight).
 */
describe('live feeds woken after each redemption commits', () => {
  let hub: TestHub;
  let programme: LiveProgramme;

  beforeAll(async () => {
    hub = await startTestHub({ gateway: { live: { pollMs: 3_600_000 } } });
    programme = await seedLiveProgramme(hub, 5, 10, 'La Fabrique du Nord'); // five books of five vouchers
  }, 600_000);
  afterAll(() => hub?.close());

  /** Far below the hour-long poll, far above a NOTIFY's round trip. */
  const WAKE_WITHIN_MS = 15_000;

  test('one redemption, then twenty at once: each reaches the subscriber without a poll', async () => {
    const [subscriberToken] = await venueTokens(hub, programme.venueId, 1);
    const venue = await connectLive(hub.gatewayUrl, subscriberToken!);
    venue.subscribe('r', SUBSCRIBE_IDS);
    for (let i = 0; i < 600 && (await hub.liveStats()).subscriptions < 1; i++) await sleep(50);

    expect(programme.vouchers.length).toBeGreaterThanOrEqual(21);
    const tokens = await venueTokens(hub, programme.venueId, 10);
    const first = await redeemNth(hub, tokens[0]!, programme.vouchers[0]!, 0, programme.sessions);
    const [event] = await venue.waitFor('r', 1, WAKE_WITHIN_MS);
    expect(event.data.redemptionRecorded.redemption.id).toBe(first.id);

    const made = await Promise.all(
      programme.vouchers.slice(1, 21).map((code, i) => redeemNth(hub, tokens[i % 10]!, code, i + 1, programme.sessions)),
    );
    const events = await venue.waitFor('r', 21, WAKE_WITHIN_MS);
    expect(made).toHaveLength(20);
    expect(new Set(events.slice(1).map((e) => e.data.redemptionRecorded.redemption.id))).toEqual(new Set(made.map((m) => m.id)));
    await venue.close();
  });
});
