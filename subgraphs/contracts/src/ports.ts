/**
 * The hub's one port table: the gateway and each subgraph's default port on this machine. The
 * launcher, the gateway's and the subgraphs' own entry points, composition (the URLs written in
 * the supergraph) and the tests all read it here; nothing else writes a port number.
 */
export const SUBGRAPH_NAMES = ['programmes', 'beneficiaries', 'venues', 'vouchers'] as const;
export type SubgraphName = (typeof SUBGRAPH_NAMES)[number];

export const HUB_PORTS: { readonly gateway: number } & Readonly<Record<SubgraphName, number>> = {
  gateway: 4000,
  programmes: 4001,
  beneficiaries: 4002,
  venues: 4003,
  vouchers: 4004,
};

/** A subgraph's GraphQL URL on loopback at the given (or its default) port. */
export const subgraphUrl = (name: SubgraphName, port: number = HUB_PORTS[name]): string => `http://127.0.0.1:${port}/graphql`;

/**
 * The environment variable that gives the gateway a subgraph's URL (`VOUCHERS_URL` …): the
 * launcher sets it, the gateway's entry point reads it.
 */
export const subgraphUrlVariable = (name: SubgraphName): string => `${name.toUpperCase()}_URL`;

/**
 * The environment variable that gives the gateway the Unix socket a subgraph also listens on
 * (`VOUCHERS_SOCKET` …): the launcher sets it with the subgraph's own `PASS_SUBGRAPH_SOCKET`.
 */
export const subgraphSocketVariable = (name: SubgraphName): string => `${name.toUpperCase()}_SOCKET`;
