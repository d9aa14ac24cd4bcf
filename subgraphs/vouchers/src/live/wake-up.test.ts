import { FeedWakeUp } from './wake-up';

/** A NOTIFY that stays in flight until the test lets it return. */
function controlledNotify() {
  const sent: Array<() => void> = [];
  const notify = () => new Promise<void>((resolve) => sent.push(resolve));
  return { sent, notify };
}
const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('FeedWakeUp: one NOTIFY in flight, and one more for what committed meanwhile', () => {
  test('alone, each recording sends its own NOTIFY', async () => {
    const { sent, notify } = controlledNotify();
    const wakeUp = new FeedWakeUp(notify, () => undefined);
    wakeUp.recorded();
    expect(sent).toHaveLength(1);
    sent[0]!();
    await settle();
    wakeUp.recorded();
    expect(sent).toHaveLength(2);
  });

  test('recordings during a NOTIFY in flight are covered by exactly one more, sent after it returns', async () => {
    const { sent, notify } = controlledNotify();
    const wakeUp = new FeedWakeUp(notify, () => undefined);
    wakeUp.recorded();
    wakeUp.recorded();
    wakeUp.recorded();
    expect(sent).toHaveLength(1);
    sent[0]!();
    await settle();
    expect(sent).toHaveLength(2);
    sent[1]!();
    await settle();
    expect(sent).toHaveLength(2);
  });

  test('a failed NOTIFY is reported, and the next recording sends again', async () => {
    const warnings: string[] = [];
    let fail = true;
    const calls: number[] = [];
    const wakeUp = new FeedWakeUp(async () => {
      calls.push(calls.length);
      if (fail) throw new Error('connection refused');
    }, (message) => warnings.push(message));
    wakeUp.recorded();
    await settle();
    expect(warnings).toEqual(['live feeds not woken (their poll will read the redemptions): connection refused']);
    fail = false;
    wakeUp.recorded();
    await settle();
    expect(calls).toHaveLength(2);
  });
});
