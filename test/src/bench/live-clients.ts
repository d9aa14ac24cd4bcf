import WebSocket from 'ws';

/*
 * The subscribers of `npm run bench:live`, in a process of their own (forked by live.bench.ts)
 * so that the hub's CPU figures are the hub's. Each socket records, per event, the redemption id
 * and the delay from `redeemedAt` (set just before the redemption's transaction) to arrival.
 */
export interface ClientPlan {
  url: string;
  sockets: { token: string; query: string; variables: Record<string, unknown>; label: string }[];
}

interface Received {
  label: string;
  ids: string[];
  delays: number[];
  closedWith: number | null;
}

const received: Received[] = [];

/** Opens one socket and subscribes; resolves on `connection_ack`, rejects if it closes first. */
function openOne(plan: ClientPlan, i: number): Promise<void> {
  const s = plan.sockets[i]!;
  return new Promise<void>((resolve, reject) => {
    const record: Received = { label: s.label, ids: [], delays: [], closedWith: null };
    received[i] = record;
    const socket = new WebSocket(plan.url, 'graphql-transport-ws');
    socket.on('open', () => socket.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${s.token}` } })));
    socket.on('message', (raw) => {
      const message = JSON.parse(raw.toString());
      if (message.type === 'connection_ack') {
        socket.send(JSON.stringify({ id: '1', type: 'subscribe', payload: { query: s.query, variables: s.variables } }));
        resolve();
      } else if (message.type === 'next') {
        const event = message.payload.data?.redemptionRecorded;
        if (!event) return;
        record.ids.push(event.redemption.id);
        record.delays.push(Date.now() - Date.parse(event.redemption.redeemedAt));
      } else if (message.type === 'error') {
        console.error(`socket ${i} (${s.label}): subscription refused: ${JSON.stringify(message.payload)}`);
      } else if (message.type === 'ping') socket.send(JSON.stringify({ type: 'pong' }));
    });
    socket.on('close', (code) => {
      record.closedWith = code;
      reject(new Error(`socket ${i} closed with ${code}`));
    });
    socket.on('error', () => undefined);
  });
}

/**
 * Opened with at most CONCURRENCY handshakes in flight, as screens would over a morning: a
 * thousand `connection_init`s at once on a busy machine outlast graphql-ws's init timeout.
 */
const CONCURRENCY = Number(process.env.BENCH_OPEN_CONCURRENCY ?? 20);
async function open(plan: ClientPlan) {
  let connected = 0;
  let next = 0;
  const worker = async () => {
    while (next < plan.sockets.length) {
      const i = next++;
      await openOne(plan, i);
      connected += 1;
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return connected;
}

process.send!({ started: true });
process.on('message', (message: { plan?: ClientPlan; report?: boolean; count?: boolean }) => {
  if (message.count) {
    process.send!({ count: received.reduce((n, r) => n + (r?.ids.length ?? 0), 0) });
    return;
  }
  if (message.plan) {
    open(message.plan).then(
      (connected) => process.send!({ ready: connected }),
      (err) => process.send!({ error: (err as Error).message }),
    );
  } else if (message.report) {
    const cpu = process.cpuUsage();
    process.send!({ received, clientCpuSeconds: (cpu.user + cpu.system) / 1e6 }, () => process.exit(0));
  }
});
