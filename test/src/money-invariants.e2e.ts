import fc from 'fast-check';
import { parisDayOf, parisMonthOf } from '@pass/contracts';
import { startTestHub, type TestHub } from '@pass/test-kit';
import {
  allocateTo,
  atTime,
  attempt,
  availableVoucherCodes,
  closeMonth,
  correctRedemption,
  createPastProgramme,
  expireProgramme,
  handOut,
  issueBooks,
  noonOf,
  orderAndIssue,
  placeOrder,
  recordOrderPayment,
  redeemAt,
  sittingOn,
  type PastProgramme,
} from './kit/fixtures';

/*
 * Random sequences of lifecycle steps on one hub, each run on a programme of its own with random
 * shares, under a simulated clock that walks from inside the validity window past its end. After
 * every step that changed something: ordered = redeemed + outstanding + credited back, each term equal to what the model
 * says; shares sum to 10,000; every statement's lines less its corrections make its total, and a
 * venue is paid what it redeemed, never more; credits = blocked value. The operator's corrections
 * of paid redemptions are among the steps.
 */

type Step =
  | { kind: 'order'; bookCount: number; vouchersPerBook: 5 | 10; faceValueCents: number }
  | { kind: 'issue' }
  | { kind: 'allocate'; quantity: number }
  | { kind: 'handOut' }
  | { kind: 'redeem'; pick: number; sitting: number }
  | { kind: 'advance'; days: number }
  | { kind: 'closeMonth'; monthsBack: number }
  | { kind: 'expire' }
  | { kind: 'correct' };

/** Sittings of each run's workshop. */
const SITTINGS = 4;

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({
    kind: fc.constant('order' as const),
    bookCount: fc.integer({ min: 1, max: 3 }),
    vouchersPerBook: fc.constantFrom(5 as const, 10 as const),
    // Every voucher is worth €10: orders of another value are refused (order-rules.e2e.ts).
    faceValueCents: fc.constant(1000),
  }),
  fc.constant({ kind: 'issue' as const }),
  fc.record({ kind: fc.constant('allocate' as const), quantity: fc.integer({ min: 1, max: 3 }) }),
  fc.constant({ kind: 'handOut' as const }),
  // A sitting picked among the run's few: a book sent twice to one sitting is refused (one voucher pays one sitting).
  { arbitrary: fc.record({ kind: fc.constant('redeem' as const), pick: fc.nat(20), sitting: fc.nat(SITTINGS - 1) }), weight: 3 },
  { arbitrary: fc.record({ kind: fc.constant('advance' as const), days: fc.integer({ min: 1, max: 20 }) }), weight: 2 },
  fc.record({ kind: fc.constant('closeMonth' as const), monthsBack: fc.integer({ min: 0, max: 1 }) }),
  { arbitrary: fc.constant({ kind: 'expire' as const }), weight: 2 },
  // The operator takes back a redemption already paid on a statement: deducted on a later one.
  fc.constant({ kind: 'correct' as const }),
);

/** One to four funders with positive shares that sum to 10,000 basis points. */
const shares: fc.Arbitrary<number[]> = fc
  .uniqueArray(fc.integer({ min: 1, max: 9_999 }), { maxLength: 3 })
  .map((cuts) => {
    const points = [0, ...cuts.sort((a, b) => a - b), 10_000];
    return points.slice(1).map((p, i) => p - points[i]!);
  });

/** What the money should be, from what the steps did. */
interface Model {
  clock: Date;
  /** Paid orders not issued yet: their books and face value. */
  paidNotIssued: { orderId: string; books: number; cents: number }[];
  booksIssued: number;
  booksAllocated: number;
  allocated: string[];
  handedOut: string[];
  /** `book|sitting` pairs already redeemed: a second voucher of the book is refused there. */
  sittingsUsed: Set<string>;
  orderedCents: number;
  redeemedCents: number;
  creditedCents: number;
  /** Face value of the redemptions the operator corrected (no longer redeemed, deducted from a later statement). */
  correctedCents: number;
  /** The `book|day|sitting` each redemption used, freed when it is corrected. */
  sittingOf: Map<string, string>;
  /** Months this run closed (its venue is new, so a close covers all of its redemptions of that month). */
  closedMonths: Set<string>;
}

const CHECK = `query ($programmeId: ID!, $venueId: ID!) {
  programme(id: $programmeId) {
    fundingShares { basisPoints }
    creditedBackCents
    credits { amountCents }
    ledger { orderedCents redeemedCents outstandingCents creditedBackCents balanced }
  }
  # A run lives in one year of its own: its venue has at most 13 statements (24 keeps the query cheap under the token budget).
  venue(id: $venueId) { statements(first: 24) { totalCount nodes { totalCents lineCount correctionCount lines { amountCents } corrections { amountCents } } } }
}`;

describe('money invariants under random lifecycles', () => {
  let hub: TestHub;
  beforeAll(async () => {
    // The invariants are read through the API after every step, as fast as the steps run: the
    // per-token budget (a partner's published allowance, tested in token-limits.e2e) is lifted here.
    hub = await startTestHub({ gateway: { rateLimit: { perSecond: 1_000_000, burst: 1_000_000 } } });
  });
  afterAll(() => hub?.close());

  /** Runs one step; false when it had nothing to act on (no paid order to issue, no book to hand out…). */
  async function run(p: PastProgramme, model: Model, s: Step): Promise<boolean> {
    // Every step through the gateway, the hub's clock at the model's.
    const atClock = <T>(step: () => Promise<T>) => attempt(atTime(hub, model.clock, step));
    switch (s.kind) {
      case 'order': {
        // Placed and paid now; issued by a later `issue` step, as operators do.
        const orderId = await placeOrder(hub, {
          programmeId: p.programmeId,
          funderId: p.funderIds[0]!,
          bookCount: s.bookCount,
          vouchersPerBook: s.vouchersPerBook,
          faceValueCents: s.faceValueCents,
        });
        await recordOrderPayment(hub, orderId);
        await hub.catchUp();
        model.paidNotIssued.push({ orderId, books: s.bookCount, cents: s.bookCount * s.vouchersPerBook * s.faceValueCents });
        return true;
      }
      case 'issue': {
        const pending = model.paidNotIssued.shift();
        if (!pending) return false;
        const issued = await atClock(() => issueBooks(hub, pending.orderId));
        // After the programme's last day nothing is issued: the order's money is never ordered vouchers.
        if (parisDayOf(model.clock) > p.validUntil) {
          expect(issued.refusal).toBe('PROGRAMME_ENDED');
          return true;
        }
        expect(issued.refusal).toBeNull();
        model.booksIssued += pending.books;
        model.orderedCents += pending.cents;
        return true;
      }
      case 'allocate': {
        const quantity = Math.min(s.quantity, model.booksIssued - model.booksAllocated);
        if (quantity === 0) return false;
        model.allocated.push(...(await allocateTo(hub, p, quantity)));
        model.booksAllocated += quantity;
        return true;
      }
      case 'handOut': {
        const code = model.allocated[0];
        const day = parisDayOf(model.clock);
        // Registration needs the programme open: after its end nobody new is handed a book.
        if (!code || day > p.validUntil) return false;
        await handOut(hub, p, code, day);
        model.allocated.shift();
        model.handedOut.push(code);
        return true;
      }
      case 'redeem': {
        if (model.handedOut.length === 0) return false;
        const code = model.handedOut[s.pick % model.handedOut.length]!;
        const [voucherCode] = await availableVoucherCodes(hub, code);
        if (!voucherCode) return false;
        // A sitting of the clock's day: a voucher is taken on its session's day (or the 7 days after).
        const day = parisDayOf(model.clock);
        const sitting = `${code}|${day}|${s.sitting}`;
        const answer = await redeemAt(hub, p, voucherCode, await sittingOn(hub, p, day, s.sitting), model.clock);
        const expected =
          parisDayOf(model.clock) > p.validUntil ? 'VOUCHER_EXPIRED' : model.sittingsUsed.has(sitting) ? 'BOOK_ALREADY_USED_IN_SESSION' : null;
        expect(answer.error?.code ?? null).toBe(expected);
        if (answer.redemption) {
          model.redeemedCents += answer.redemption.amountCents;
          model.sittingsUsed.add(sitting);
          model.sittingOf.set(answer.redemption.id, sitting);
        }
        return true;
      }
      case 'correct': {
        // Which redemption is paid and not yet corrected: the model does not follow statements'
        // lines, so the vouchers subgraph's rows say. The correction itself goes through the API.
        const [paid] = await hub.subgraphs.vouchers.dataSource.query(
          `select r.id, r.amount_cents from redemption r join reimbursement_line l on l.redemption_id = r.id
            where r.programme_id = $1 and r.corrected_at is null order by r.seq limit 1`,
          [p.programmeId],
        );
        if (!paid) return false;
        const answer = await attempt(correctRedemption(hub, { redemptionId: paid.id, reason: 'property test: wrong code taken' }));
        expect(answer.refusal).toBeNull();
        model.redeemedCents -= paid.amount_cents;
        model.correctedCents += paid.amount_cents;
        model.sittingsUsed.delete(model.sittingOf.get(paid.id)!);
        return true;
      }
      case 'advance':
        // Time alone moves no money.
        model.clock = new Date(model.clock.getTime() + s.days * 86_400_000);
        return false;
      case 'closeMonth': {
        const at = new Date(Date.UTC(model.clock.getUTCFullYear(), model.clock.getUTCMonth() - s.monthsBack, 15));
        const month = parisMonthOf(at);
        const answer = await atClock(() => closeMonth(hub, month));
        expect(answer.refusal).toBe(s.monthsBack === 0 ? 'MONTH_NOT_ENDED' : null);
        if (!answer.refusal) model.closedMonths.add(month);
        return true;
      }
      case 'expire': {
        const { value: answer, refusal } = await atClock(() => expireProgramme(hub, p.programmeId));
        if (!answer) {
          expect(refusal).toBe('PROGRAMME_STILL_VALID');
          expect(parisDayOf(model.clock) <= p.validUntil).toBe(true);
          return true;
        }
        expect(answer.credits!.reduce((sum, c) => sum + c.amountCents, 0)).toBe(answer.blockedCents);
        model.creditedCents += answer.blockedCents!;
        return true;
      }
    }
  }

  /**
   * What the API says against the model, and two recounts from the vouchers subgraph's rows (the
   * blocked vouchers' face value, every statement's lines and corrections against its totals),
   * which is the point of an invariant: the API's own figures could share a bug with the rows.
   */
  async function checkInvariants(p: PastProgramme, model: Model): Promise<void> {
    const [{ body }, [blocked], unbalanced] = await Promise.all([
      hub.graphql(CHECK, { programmeId: p.programmeId, venueId: p.venueId }),
      // The face value of the vouchers actually blocked, read from the vouchers themselves.
      hub.subgraphs.vouchers.dataSource.query(
        `select coalesce(sum(face_value_cents), 0)::int as cents from voucher where programme_id = $1 and state = 'BLOCKED'`,
        [p.programmeId],
      ),
      // Statements of every venue of every run so far whose lines, less their corrections, do not make their total.
      hub.subgraphs.vouchers.dataSource.query(
        `select s.id from reimbursement_statement s
           left join (select statement_id, sum(amount_cents) as cents, count(*) as n from reimbursement_line group by statement_id) l
             on l.statement_id = s.id
           left join (select statement_id, sum(amount_cents) as cents, count(*) as n from redemption_correction group by statement_id) c
             on c.statement_id = s.id
          where coalesce(l.cents, 0) - coalesce(c.cents, 0) <> s.total_cents
             or coalesce(l.n, 0) <> s.line_count or coalesce(c.n, 0) <> s.correction_count`,
      ),
    ]);
    expect(body.errors).toBeUndefined();
    const { programme, venue } = body.data;
    expect(programme.fundingShares.reduce((sum: number, s: any) => sum + s.basisPoints, 0)).toBe(10_000);
    expect(programme.ledger).toEqual({
      orderedCents: model.orderedCents,
      redeemedCents: model.redeemedCents,
      outstandingCents: model.orderedCents - model.redeemedCents - model.creditedCents,
      creditedBackCents: model.creditedCents,
      balanced: true,
    });
    expect(programme.creditedBackCents).toBe(model.creditedCents);
    expect(programme.credits.reduce((sum: number, c: any) => sum + c.amountCents, 0)).toBe(model.creditedCents);
    const sumOf = (list: { amountCents: number }[]) => list.reduce((sum, l) => sum + l.amountCents, 0);
    for (const statement of venue.statements.nodes) {
      expect(statement.lines).toHaveLength(statement.lineCount);
      expect(statement.corrections).toHaveLength(statement.correctionCount);
      expect(sumOf(statement.lines) - sumOf(statement.corrections)).toBe(statement.totalCents);
    }
    // Never paid more than redeemed (a correction not yet deducted was paid and is still owed back);
    // once January (the whole window) is closed, paid all of it.
    const paid = venue.statements.nodes.reduce((sum: number, s: any) => sum + s.totalCents, 0);
    const deducted = venue.statements.nodes.reduce((sum: number, s: any) => sum + sumOf(s.corrections), 0);
    expect(deducted).toBeLessThanOrEqual(model.correctedCents);
    expect(paid).toBeLessThanOrEqual(model.redeemedCents + model.correctedCents - deducted);
    if (model.closedMonths.has(p.validFrom.slice(0, 7))) expect(paid).toBe(model.redeemedCents + model.correctedCents - deducted);
    expect(unbalanced).toEqual([]);
    expect(blocked.cents).toBe(model.creditedCents);
  }

  test('ordered = redeemed + outstanding + credited back after every step', async () => {
    let runs = 0;
    await fc.assert(
      fc.asyncProperty(shares, fc.array(step, { minLength: 4, maxLength: 12 }), async (basisPoints, steps) => {
        // A year of its own per run: a month closed by one run refuses the redemptions of the next (MONTH_CLOSED).
        // From 2001: closing "the month before" a January run stays inside the hub's months (2000-01 to 2999-12).
        const year = 2001 + runs++;
        const p = await createPastProgramme(hub, { basisPoints, validFrom: `${year}-01-01`, validUntil: `${year}-01-31`, sittings: SITTINGS });
        // Every run starts with a book in a person's hands, so redemptions and credits happen in most runs.
        await orderAndIssue(hub, p, { bookCount: 2, vouchersPerBook: 5, faceValueCents: 1000 });
        const model: Model = {
          clock: noonOf(`${year}-01-20`),
          paidNotIssued: [],
          booksIssued: 2,
          booksAllocated: 0,
          allocated: [],
          handedOut: [],
          sittingsUsed: new Set(),
          orderedCents: 10_000,
          redeemedCents: 0,
          creditedCents: 0,
          correctedCents: 0,
          sittingOf: new Map(),
          closedMonths: new Set(),
        };
        const [first] = await allocateTo(hub, p, 1);
        await handOut(hub, p, first!, `${year}-01-20`);
        model.handedOut.push(first!);
        model.booksAllocated = 1;
        // Whatever came before, every run ends past the programme's end: its month closed, a paid
        // redemption corrected and deducted on the next month's statement, the programme expired.
        const end: Step[] = [
          { kind: 'advance', days: 20 },
          { kind: 'closeMonth', monthsBack: 1 },
          { kind: 'correct' },
          { kind: 'advance', days: 31 },
          { kind: 'closeMonth', monthsBack: 1 },
          { kind: 'expire' },
        ];
        for (const s of [...steps, ...end]) {
          if (await run(p, model, s)) await checkInvariants(p, model);
        }
      }),
      // Each run costs real requests; a failure is reported as found rather than shrunk for minutes.
      { numRuns: 15, endOnFailure: true },
    );
    // The runs did exercise the corrections: some were made, and some deducted on a later statement.
    // Counted over every run's rows at once: the API shows a statement's own corrections only.
    const [{ made, deducted }] = await hub.subgraphs.vouchers.dataSource.query(
      `select count(*)::int as made, count(statement_id)::int as deducted from redemption_correction`,
    );
    expect(made).toBeGreaterThan(0);
    expect(deducted).toBeGreaterThan(0);
    // Every step of 15 runs goes through the gateway as partners send it: minutes, not seconds.
  }, 600_000);
});
