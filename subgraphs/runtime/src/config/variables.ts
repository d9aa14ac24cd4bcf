import { HUB_PORTS, SUBGRAPH_NAMES, subgraphSocketVariable, subgraphUrl, subgraphUrlVariable, type SubgraphName } from '@pass/contracts';

export interface ConfigVariable {
  name: string;
  /** Which processes read it: the launcher (`npm start`), the gateway's, a subgraph's, the operator CLI (`npm run hub`, `npm run token`). */
  readBy: string;
  /** As written in the README's table. */
  default: string;
  meaning: string;
}

/** Subgraphs' ports as the README's table writes them (`4001–4004`), read off the port table. */
const portRange = (names: readonly SubgraphName[]): string => `${HUB_PORTS[names[0]!]}–${HUB_PORTS[names[names.length - 1]!]}`;
const SUBGRAPH_PORTS = portRange(SUBGRAPH_NAMES);

/** The documented list; a test checks the README's table names each of them and who reads it. Port numbers come from the port table only. */
export const CONFIG_VARIABLES: ConfigVariable[] = [
  { name: 'PORT', readBy: 'launcher, gateway, subgraph', default: `${HUB_PORTS.gateway} (a subgraph: its port in the table)`, meaning: `the gateway's port (\`/graphql\`, \`/graphiql\`, health, metrics); the subgraphs take ${SUBGRAPH_PORTS} (the port table, \`subgraphs/contracts/src/ports.ts\`). \`0\` picks free ports. A subgraph started on its own reads it as its own port` },
  { name: 'HOST', readBy: 'launcher, gateway, subgraph', default: '127.0.0.1', meaning: 'the address the gateway binds; `0.0.0.0` to serve beyond this machine (behind a TLS proxy). Subgraphs stay on loopback' },
  { name: 'DATABASE_URL', readBy: 'launcher, gateway, subgraph, CLI', default: '(embedded)', meaning: "a `postgres://` URL of an existing PostgreSQL server and database; unset, `npm start` runs an embedded PostgreSQL and hands its URL to every process. Required by a subgraph started on its own; the gateway's key ring, revocations and live wake-ups use it; unset, the CLI uses the embedded one (starting it for the command if `npm start` is not running)" },
  { name: 'PASS_DATA_DIR', readBy: 'launcher, CLI', default: '.data/pg', meaning: "the embedded PostgreSQL's data directory (delete it to start from scratch)" },
  { name: 'PASS_PG_PORT', readBy: 'launcher, CLI', default: '54320', meaning: "the embedded PostgreSQL's port" },
  { name: 'PASS_LAYOUT', readBy: 'launcher', default: 'processes', meaning: '`processes`: the gateway and each subgraph in a process of its own, restarted by the launcher when one dies; `single`: everything in the launcher\'s process (docs/benchmarks.md, "Process layout", compares them)' },
  { name: 'PASS_GATEWAY_WORKERS', readBy: 'launcher, gateway', default: '1', meaning: 'gateway processes sharing its port (node:cluster), `processes` layout only; each enforces the per-token rate limit on its own' },
  { name: 'PASS_SUBGRAPH_SOCKETS', readBy: 'launcher', default: '1', meaning: "`1`: in the `processes` layout each subgraph also listens on a Unix socket in a private temporary folder and the gateway calls it there, which costs less CPU per call than loopback TCP; `0`: the gateway uses the subgraphs' TCP ports" },
  { name: 'PASS_REGISTERED_PLANS', readBy: 'gateway', default: '1', meaning: "`1`: a registered operation, after its first request, runs from its query plan without Apollo Server's request pipeline (the same checks and answer, less CPU); `0`: every request goes through Apollo Server, for comparison" },
  { name: 'PASS_MERGE_ENTITY_FETCHES', readBy: 'gateway', default: '1', meaning: "`1`: the entity fetches a request's query plan runs side by side to one subgraph go in one call, each under its own alias, and the answer is split back; `0`: one call per fetch, as Apollo Gateway sends them, for comparison" },
  { name: 'PASS_PLAN_RUNNER', readBy: 'gateway', default: '1', meaning: "`1`: a registered operation's plan, once Apollo Server has run it, is run by the gateway's own plan runner (its subgraph calls made directly, the answer shaped by Apollo's own code; any error runs the request again through Apollo's executor); `0`: through Apollo's executor and data sources, for comparison" },
  { name: 'PASS_SUBGRAPH_VALIDATED_OPERATIONS', readBy: 'subgraph', default: '1', meaning: "`1`: a text the subgraph validated before runs with graphql-js's `execute` without Apollo Server's request pipeline (the same answer, audit entries and metrics, less CPU per call); `0`: every call goes through Apollo Server, for comparison" },
  { name: 'PASS_LIVE_POLL_MS', readBy: 'gateway', default: '5000', meaning: "how often the live feed reads new redemptions when no wake-up came (the vouchers subgraph wakes it after each redemption commits; this poll is the safety net)" },
  { name: 'PASS_LIVE_MAX_SUBSCRIPTIONS_PER_TOKEN', readBy: 'gateway', default: '50', meaning: 'live subscriptions one token may hold open on one gateway process, over all its sockets' },
  { name: 'PASS_LIVE_MAX_QUEUED_EVENTS', readBy: 'gateway', default: '1000', meaning: 'events waiting for a socket that does not read before it is closed (`SlowConsumer`, 4412)' },
  { name: 'PASS_LIVE_KEEPALIVE_MS', readBy: 'gateway', default: '12000', meaning: 'the live sockets\' ping interval; a socket that does not answer within as long is dropped' },
  { name: 'NODE_ENV', readBy: 'launcher, gateway', default: '(unset)', meaning: '`production` turns on production mode: persisted operations only for partner roles, introspection only for `PASS_INTROSPECTION_ROLES`' },
  { name: 'PASS_PERSISTED_ONLY', readBy: 'launcher, gateway', default: '0', meaning: '`1`: production mode for operations and introspection without `NODE_ENV=production`' },
  { name: 'PASS_CORS_ORIGINS', readBy: 'launcher, gateway', default: '(none)', meaning: 'comma-separated origins (`https://app.example.org`) whose browser pages may call `/graphql`; no cookies, bearer tokens only' },
  { name: 'PASS_INTROSPECTION_ROLES', readBy: 'launcher, gateway', default: 'every role; `analyst,operator` in production mode', meaning: 'comma-separated roles whose tokens may introspect the schema (GraphiQL needs it)' },
  { name: 'PASS_RATE_PER_SECOND', readBy: 'launcher, gateway', default: '50', meaning: 'units per second allowed per token at the gateway, a light request being one unit and a costly one more (query cost and aggregates, calibrated on measured CPU)' },
  { name: 'PASS_RATE_BURST', readBy: 'launcher, gateway', default: '200', meaning: 'units a token may spend at once above that rate' },
  { name: 'LOG_LEVEL', readBy: 'every process', default: 'info (warn under tests)', meaning: 'pino level: `fatal`, `error`, `warn`, `info`, `debug`, `trace` or `silent`' },
  ...SUBGRAPH_NAMES.map((name, i) => ({
    name: subgraphUrlVariable(name),
    readBy: 'gateway',
    default: subgraphUrl(name),
    meaning:
      i === 0
        ? `the ${name} subgraph's \`/graphql\` (the launcher sets it; likewise ${SUBGRAPH_NAMES.slice(1).map((other) => `\`${subgraphUrlVariable(other)}\``).join(', ')} on ${portRange(SUBGRAPH_NAMES.slice(1))})`
        : `the ${name} subgraph's \`/graphql\``,
  })),
  ...SUBGRAPH_NAMES.map((name, i) => ({
    name: subgraphSocketVariable(name),
    readBy: 'gateway',
    default: '(set by the launcher)',
    meaning:
      i === 0
        ? `an absolute Unix socket path through which the gateway reaches the ${name} subgraph instead of its URL's port (the URL's path still applies); likewise ${SUBGRAPH_NAMES.slice(1).map((other) => `\`${subgraphSocketVariable(other)}\``).join(', ')}`
        : `the ${name} subgraph's Unix socket`,
  })),
  { name: 'PASS_SUBGRAPH_SOCKET', readBy: 'subgraph', default: '(set by the launcher)', meaning: 'an absolute Unix socket path a subgraph listens on besides its port (a stale socket file left by a killed process is replaced)' },
  { name: 'PASS_KEYS_DIR', readBy: 'launcher, gateway, CLI', default: '.data/keys', meaning: 'the directory holding the key ring `hub-keys.json` (created on first start); the launcher hands the gateway its public key for the subgraphs' },
  { name: 'PASS_SUPERGRAPH', readBy: 'gateway', default: 'schema/supergraph.graphql', meaning: 'the composed supergraph the gateway plans with' },
  { name: 'PASS_OPERATIONS_DIR', readBy: 'gateway', default: 'clients/operations', meaning: "the registered partner operations (`.graphql` files): production mode's allow-list and GraphiQL's tabs" },
  { name: 'PASS_PAGES_DIR', readBy: 'gateway', default: 'clients/dist/pages', meaning: 'the built dashboard and venue pages the gateway serves; a missing directory serves none' },
  { name: 'PASS_CLOCK_FILE', readBy: 'subgraph', default: '(unset)', meaning: "tests only: a file holding the time the subgraph's rules read (an ISO date; empty for the real time), which the test kit writes to move the clock of subgraphs running as processes; refused with `NODE_ENV=production`" },
  { name: 'PASS_GATEWAY_PUBLIC_JWK', readBy: 'subgraph', default: '(set by the launcher)', meaning: "the gateway's public key (JWK, JSON) with which a subgraph checks caller assertions; required when a subgraph is started on its own" },
];
