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

async function open(plan: ClientPlan) {
  let connected = 0;
  const all = plan.sockets.map(
    (s, i) =>
      new Promise<void>((resolve, reject) => {
        const record: Received = { label: s.label, ids: [], delays: [], closedWith: null };
        received[i] = record;
        const socket = new WebSocket(plan.url, 'graphql-transport-ws');
        socket.on('open', () => socket.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${s.token}` } })));
        socket.on('message', (raw) => {
          const message = JSON.parse(raw.toString());
          if (message.type === 'connection_ack') {
            socket.send(JSON.stringify({ id: '1', type: 'subscribe', payload: { query: s.query, variables: s.variables } }));
            connected += 1;
            resolve();
          } else if (message.type === 'next') {
            const event = message.payload.data?.redemptionRecorded;
            if (!event) return;
            record.ids.push(event.redemption.id);
            record.delays.push(Date.now() - Date.parse(event.redemption.redeemedAt));
          } else if (message.type === 'ping') socket.send(JSON.stringify({ type: 'pong' }));
        });
        socket.on('close', (code) => {
          record.closedWith = code;
          reject(new Error(`socket ${i} closed with ${code}`));
        });
        socket.on('error', () => undefined);
      }),
  );
  // Opened a few at a time, as screens would over a morning, not in one burst.
  for (let first = 0; first < all.length; first += 50) {
    await Promise.all(all.slice(first, first + 50));
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  return connected;
}

process.send!({ started: true });
process.on('message', (message: { plan?: ClientPlan; report?: boolean }) => {
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
