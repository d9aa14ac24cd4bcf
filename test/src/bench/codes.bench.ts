import { generateCodes } from '@pass/vouchers';

/*
 * `npm run bench:codes`: how fast voucher codes are drawn (moved here from a unit test that
 * asserted a timing: tests assert behaviour, benchmarks print figures). Issuing a million-voucher
 * order draws a million codes, so this is the floor of `bench:issue`.
 */
const n = Number(process.env.BENCH_CODES ?? 1_000_000);
generateCodes('voucher', 10_000);
const runs: number[] = [];
for (let i = 0; i < 5; i++) {
  const started = performance.now();
  const codes = generateCodes('voucher', n);
  runs.push(performance.now() - started);
  if (codes.length !== n) throw new Error(`asked ${n} codes, got ${codes.length}`);
}
runs.sort((a, b) => a - b);
const median = runs[2]!;
console.log(`${n.toLocaleString('en')} voucher codes: median ${median.toFixed(0)} ms over 5 runs (min ${runs[0]!.toFixed(0)}, max ${runs[4]!.toFixed(0)}), ${Math.round(n / (median / 1000)).toLocaleString('en')} codes/s`);
