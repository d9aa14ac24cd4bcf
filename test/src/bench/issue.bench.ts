import 'reflect-metadata';
import os from 'node:os';
import { startHub } from '@pass/clients';
import { createProgramme, FunderKind, placeOrder, recordOrderPayment, registerFunder } from '@pass/programmes';
import { issueBooksOfOrder } from '@pass/vouchers';
import { mib, onCleanup, runBench, sampleMemory, say, startBenchDatabase } from './bench-kit';
import { accepted } from '../kit/accepted';

/*
 * `npm run bench:issue`: how long issuing one big paid order takes, and how much memory the
 * hub's process needs meanwhile. Goal: 100,000 books × 10 vouchers = 1,000,000 vouchers in at
 * most 10 s (issue 13) and 512 MB. The CPU seconds of this process and of PostgreSQL's (the
 * issuance runs on two connections, so two backends) are printed beside the wall time.
 *
 * The order is made through the managers, as the API would: funder, programme, order, payment;
 * the payment fact is replicated to the vouchers subgraph, then `issueBooksOfOrder` is timed.
 * Memory is this Node process only (RSS and V8 heap, sampled every 50 ms); PostgreSQL's own
 * processes are not counted.
 *
 * BENCH_BOOKS and BENCH_VOUCHERS_PER_BOOK (5 or 10) change the size.
 */

const BOOKS = Number(process.env.BENCH_BOOKS ?? 100_000);
const VOUCHERS_PER_BOOK = Number(process.env.BENCH_VOUCHERS_PER_BOOK ?? 10);
const GOAL_SECONDS = 10;
const GOAL_BYTES = 512 * 1024 * 1024;

async function main(): Promise<void> {
  const vouchersTotal = BOOKS * VOUCHERS_PER_BOOK;
  say(`bench:issue — ${BOOKS.toLocaleString('en')} books × ${VOUCHERS_PER_BOOK} vouchers = ${vouchersTotal.toLocaleString('en')} vouchers`);
  const db = await startBenchDatabase('pass_bench_issue');
  say(`PostgreSQL: ${db.postgres.embedded ? 'embedded' : 'from DATABASE_URL'}, scratch database ${new URL(db.scratch.url).pathname.slice(1)}`);
  const hub = await startHub({ databaseUrl: db.scratch.url });
  onCleanup(() => hub.close());

  const programmes = hub.subgraphs.programmes.dataSource;
  const funder = accepted(await registerFunder(programmes, { name: 'Benchmark funder', kind: FunderKind.REGION }), 'funder');
  const today = new Date();
  const programme = accepted(await createProgramme(programmes, {
    name: 'Benchmark programme',
    territory: ['region:27'],
    eligibility: { statusesAnyOf: [] },
    validFrom: today.toISOString().slice(0, 10),
    validUntil: new Date(today.getTime() + 365 * 86_400_000).toISOString().slice(0, 10),
    budgetCents: vouchersTotal * 1000,
    shares: [{ funderId: funder.id, basisPoints: 10_000 }],
  }), 'programme');
  const order = accepted(await placeOrder(programmes, {
    programmeId: programme.id,
    funderId: funder.id,
    bookCount: BOOKS,
    vouchersPerBook: VOUCHERS_PER_BOOK,
    faceValueCents: 1000,
  }), 'order');
  await recordOrderPayment(programmes, order.id);
  await hub.catchUp();

  const vouchers = hub.subgraphs.vouchers.dataSource;
  global.gc?.();
  const before = process.memoryUsage();
  say(`before issuing: RSS ${mib(before.rss)}, heap ${mib(before.heapUsed)} (the whole hub runs in this process)`);

  const memory = sampleMemory(50);
  const nodeCpu0 = process.cpuUsage();
  const pgCpu0 = db.postgresCpuSeconds();
  const t0 = performance.now();
  let lastPrint = 0;
  const result = await issueBooksOfOrder(vouchers, order.id, (issued, total) => {
    const now = performance.now();
    if (issued === total || now - lastPrint >= 1000) {
      lastPrint = now;
      say(`  ${((now - t0) / 1000).toFixed(1).padStart(5)} s  ${issued.toLocaleString('en').padStart(9)} / ${total.toLocaleString('en')} books issued`);
    }
  });
  const seconds = (performance.now() - t0) / 1000;
  const peak = memory.stop();
  if (result.error) throw new Error(`issuance refused: ${result.error.message}`);
  const nodeCpu = process.cpuUsage(nodeCpu0);
  const pgCpu1 = db.postgresCpuSeconds();

  const [{ books, vouchers: voucherRows, codes }] = await vouchers.query(
    `select (select count(*)::int from book where order_id = $1) as books,
            (select count(*)::int from voucher v join book b on b.id = v.book_id where b.order_id = $1) as vouchers,
            (select count(distinct v.code)::int from voucher v join book b on b.id = v.book_id where b.order_id = $1) as codes`,
    [order.id],
  );
  if (books !== BOOKS || voucherRows !== vouchersTotal || codes !== vouchersTotal) {
    throw new Error(`expected ${BOOKS} books and ${vouchersTotal} distinct vouchers, found ${books} books, ${voucherRows} vouchers, ${codes} codes`);
  }
  const again = performance.now();
  await issueBooksOfOrder(vouchers, order.id);
  const replayMs = performance.now() - again;

  const rate = Math.round(result.vouchersIssued / seconds);
  say('');
  say(`issued ${result.booksIssued.toLocaleString('en')} books, ${result.vouchersIssued.toLocaleString('en')} vouchers in ${seconds.toFixed(2)} s`);
  say(`  ${rate.toLocaleString('en')} vouchers/s`);
  say(`  peak RSS ${mib(peak.rss)}, peak heap used ${mib(peak.heapUsed)}, peak array buffers ${mib(peak.arrayBuffers)} (this Node process; PostgreSQL's own memory is not counted)`);
  const pgCpu = pgCpu0 !== null && pgCpu1 !== null ? `, PostgreSQL processes ${(pgCpu1 - pgCpu0).toFixed(1)} s` : '';
  say(`  CPU time: this Node process ${((nodeCpu.user + nodeCpu.system) / 1e6).toFixed(1)} s${pgCpu} (machine: ${os.cpus().length} cores, load average ${os.loadavg()[0]!.toFixed(1)})`);
  say(`  issuing the same order again: ${replayMs.toFixed(0)} ms, nothing issued twice`);
  const [{ size }] = await vouchers.query(
    `select pg_size_pretty(pg_total_relation_size('book') + pg_total_relation_size('voucher')) as size`,
  );
  say(`  book + voucher tables with their indexes: ${size} in PostgreSQL`);
  const timeOk = seconds <= GOAL_SECONDS;
  const memoryOk = peak.rss <= GOAL_BYTES;
  say(`goal ≤ ${GOAL_SECONDS} s: ${timeOk ? 'met' : 'MISSED'}; goal ≤ 512 MB RSS: ${memoryOk ? 'met' : 'MISSED'}`);
}

runBench('bench:issue', 170_000, main);
