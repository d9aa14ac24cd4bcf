import { createLogger } from '@pass/runtime';
import { RedemptionFeed, type RedemptionRoute, type StreamReader } from './redemption-feed';

/** A stream held in memory: `commit` appends events, the feed reads them as it would the vouchers subgraph's. */
function memoryStream() {
  const events: RedemptionRoute[] = [];
  const calls = { head: 0, after: 0 };
  const cursorOf = (n: number) => `1.${n}`;
  const reader = {
    async head() {
      calls.head += 1;
      return cursorOf(events.length);
    },
    async after(after: string | null, first: number) {
      calls.after += 1;
      const from = after === null ? 0 : Number(after.split('.')[1]);
      return events.slice(from, from + first);
    },
  } as unknown as StreamReader;
  const commit = () => {
    const n = events.length + 1;
    events.push({ cursor: cursorOf(n), redemptionId: `r-${n}`, venueId: 'v', programmeId: 'p', distributorId: null, redeemedAt: new Date(0).toISOString() });
  };
  return { reader, calls, commit };
}

async function startedFeed(reader: StreamReader) {
  const feed = new RedemptionFeed(reader, { logger: createLogger('live-feed-test'), pollMs: 3_600_000 });
  await feed.start();
  const received: string[] = [];
  feed.onBatch((routes) => received.push(...routes.map((r) => r.redemptionId)));
  return { feed, received };
}

describe('the live feed reads the stream only while someone is subscribed', () => {
  test('with no subscription held, a wake-up reads nothing', async () => {
    const stream = memoryStream();
    const { feed, received } = await startedFeed(stream.reader);
    stream.commit();
    await feed.wake();
    await feed.wake();
    expect(stream.calls.after).toBe(0);
    expect(received).toEqual([]);
    await feed.stop();
  });

  test('a subscriber after a pause gets what comes after it, nothing from before', async () => {
    const stream = memoryStream();
    const { feed, received } = await startedFeed(stream.reader);
    stream.commit();
    stream.commit();
    await feed.wake();
    const release = await feed.hold();
    stream.commit();
    await feed.wake();
    expect(received).toEqual(['r-3']);
    expect(feed.cursor).toBe('1.3');
    release();
    await feed.stop();
  });

  test('a held feed reads every event in order; released, it pauses again', async () => {
    const stream = memoryStream();
    const { feed, received } = await startedFeed(stream.reader);
    const release = await feed.hold();
    stream.commit();
    await feed.wake();
    stream.commit();
    stream.commit();
    await feed.wake();
    expect(received).toEqual(['r-1', 'r-2', 'r-3']);
    release();
    release(); // a second call releases nothing more
    const reads = stream.calls.after;
    stream.commit();
    await feed.wake();
    expect(stream.calls.after).toBe(reads);
    // Two holders: one leaving keeps the feed reading for the other.
    const a = await feed.hold();
    const b = await feed.hold();
    a();
    stream.commit();
    await feed.wake();
    expect(received).toEqual(['r-1', 'r-2', 'r-3', 'r-5']);
    b();
    await feed.stop();
  });

  test('when the head cannot be read, the subscription is not held', async () => {
    const stream = memoryStream();
    const { feed } = await startedFeed(stream.reader);
    await feed.wake();
    (stream.reader as unknown as { head: () => Promise<string> }).head = async () => {
      throw new Error('vouchers unreachable');
    };
    await expect(feed.hold()).rejects.toThrow('vouchers unreachable');
    stream.commit();
    await feed.wake();
    expect(stream.calls.after).toBe(0);
    await feed.stop();
  });
});
