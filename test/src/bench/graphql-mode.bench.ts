import { execFileSync } from 'node:child_process';
import { buildSchema, execute, parse } from 'graphql';
import { runBench, say } from './bench-kit';

/*
 * `npm run bench:graphql-mode`: what graphql-js's development build costs beside its production
 * build, side by side in one run. graphql-js reads NODE_ENV once, when it loads; unless it is
 * `production`, every `instanceof` it makes that fails (isListType, isNonNullType… on each field
 * it completes) also looks for a second copy of graphql-js. So each build runs in a child process
 * of its own, executing the same page of 100 books (a distributor's page: state, holder, three
 * redemptions each with its venue) BENCH_EXECUTIONS times (2,000) after 300 of warm-up, in
 * BENCH_ROUNDS rounds (3), alternated. Printed: CPU ms per execution (the child's own
 * `process.cpuUsage`) and the ratio. Why `npm run bench` runs the hub with NODE_ENV=production:
 * as-deployed.ts; docs/benchmarks.md, "Production mode".
 */

const EXECUTIONS = Number(process.env.BENCH_EXECUTIONS ?? 2000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const WARM_UP = 300;

/** The child: executes the page and prints its CPU ms per execution. */
function measure(): void {
  const schema = buildSchema(`
    type Query { books: [Book!]! }
    type Book { code: String! state: String! handedOutAt: String vouchersUsed: Int! beneficiary: Beneficiary redemptions: [Redemption!]! }
    type Beneficiary { pseudonym: String! }
    type Redemption { redeemedAt: String! amountCents: Int! venue: Venue! }
    type Venue { name: String! }
  `);
  const books = Array.from({ length: 100 }, (_, i) => ({
    code: `PN-${i}`,
    state: 'HANDED_OUT',
    handedOutAt: '2026-11-02T10:00:00Z',
    vouchersUsed: 3,
    beneficiary: { pseudonym: `b-${i}` },
    redemptions: [0, 1, 2].map((k) => ({ redeemedAt: `2026-11-1${k}T10:00:00Z`, amountCents: 1000, venue: { name: `Venue ${k}` } })),
  }));
  const document = parse('{ books { code state handedOutAt vouchersUsed beneficiary { pseudonym } redemptions { redeemedAt amountCents venue { name } } } }');
  const rootValue = { books: () => books };
  const run = (times: number) => {
    for (let i = 0; i < times; i++) {
      const result = execute({ schema, document, rootValue });
      if ('then' in result || result.errors) throw new Error('the page did not execute');
    }
  };
  run(WARM_UP);
  const before = process.cpuUsage();
  run(EXECUTIONS);
  const used = process.cpuUsage(before);
  process.stdout.write(String((used.user + used.system) / 1000 / EXECUTIONS));
}

function inChild(nodeEnv: string | undefined): number {
  const env: NodeJS.ProcessEnv = { ...process.env, BENCH_GRAPHQL_CHILD: '1' };
  if (nodeEnv === undefined) delete env.NODE_ENV;
  else env.NODE_ENV = nodeEnv;
  return Number(execFileSync(process.execPath, [__filename], { env, encoding: 'utf8', timeout: 120_000 }));
}

if (process.env.BENCH_GRAPHQL_CHILD) measure();
else
  runBench('bench:graphql-mode', 10 * 60_000, async () => {
    say(`bench:graphql-mode — a page of 100 books executed ${EXECUTIONS} times per round by graphql-js, ${ROUNDS} rounds, each build in its own process`);
    say('round   development ms   production ms   development ÷ production');
    const ratios: number[] = [];
    for (let round = 1; round <= ROUNDS; round++) {
      const development = inChild(undefined);
      const production = inChild('production');
      ratios.push(development / production);
      say(`${String(round).padStart(5)}   ${development.toFixed(3).padStart(14)}   ${production.toFixed(3).padStart(13)}   ${(development / production).toFixed(2).padStart(24)}`);
    }
    ratios.sort((a, b) => a - b);
    say(`median ratio ${ratios[Math.floor(ratios.length / 2)]!.toFixed(2)}`);
  });
