import http from 'node:http';
import { parentPort } from 'node:worker_threads';

/*
 * The load driver of `npm run bench:redeem`, run in a worker thread so that sending requests and
 * timing them never waits behind the hub's own event loop (the hub runs in the main thread of the
 * same process). Keep-alive HTTP/1.1 to the gateway on 127.0.0.1, at most `concurrency` requests
 * in flight, each answer read in full and classified.
 */

export interface DriverRequest {
  token: string;
  body: string;
}

export interface DriverJob {
  url: string;
  concurrency: number;
  requests: DriverRequest[];
}

export interface DriverResult {
  seconds: number;
  /** Milliseconds, in the order the requests were sent. */
  latencies: number[];
  /** `redeemed`, `http <status>`, `graphql error`, `refused <code>`, `network error`. */
  outcomes: Record<string, number>;
  firstProblem: string | null;
}

function post(agent: http.Agent, url: URL, request: DriverRequest): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        agent,
        hostname: url.hostname,
        port: url.port,
        path: url.pathname,
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(request.body),
          authorization: `Bearer ${request.token}`,
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(request.body);
  });
}

function classify(status: number, text: string): string {
  if (status !== 200) return `http ${status}`;
  const body = JSON.parse(text) as { data?: { redeemVoucher?: { redemption: unknown; error: { code: string } | null } }; errors?: unknown[] };
  if (body.errors?.length || !body.data?.redeemVoucher) return 'graphql error';
  const answer = body.data.redeemVoucher;
  return answer.redemption ? 'redeemed' : `refused ${answer.error?.code ?? '?'}`;
}

export async function drive(job: DriverJob): Promise<DriverResult> {
  const url = new URL(job.url);
  const agent = new http.Agent({ keepAlive: true, maxSockets: job.concurrency });
  const latencies = new Array<number>(job.requests.length).fill(0);
  const outcomes: Record<string, number> = {};
  let firstProblem: string | null = null;
  let next = 0;
  const t0 = performance.now();
  const worker = async () => {
    while (next < job.requests.length) {
      const i = next++;
      const started = performance.now();
      let outcome: string;
      let detail = '';
      try {
        const { status, text } = await post(agent, url, job.requests[i]!);
        outcome = classify(status, text);
        detail = text.slice(0, 300);
      } catch (err) {
        outcome = 'network error';
        detail = (err as Error).message;
      }
      latencies[i] = performance.now() - started;
      outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
      if (outcome !== 'redeemed' && firstProblem === null) firstProblem = `${outcome}: ${detail}`;
    }
  };
  await Promise.all(Array.from({ length: job.concurrency }, worker));
  const seconds = (performance.now() - t0) / 1000;
  agent.destroy();
  return { seconds, latencies, outcomes, firstProblem };
}

parentPort?.on('message', (job: DriverJob) => {
  drive(job).then(
    (result) => parentPort!.postMessage({ result }),
    (err) => parentPort!.postMessage({ error: String((err as Error).stack ?? err) }),
  );
});
