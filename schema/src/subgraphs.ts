import type { SubgraphModule } from '@pass/kit';
import { beneficiariesSubgraph } from '@pass/beneficiaries';
import { programmesSubgraph } from '@pass/programmes';
import { venuesSubgraph } from '@pass/venues';
import { vouchersSubgraph } from '@pass/vouchers';

/** The four subgraphs and their default ports; the gateway overrides URLs at run time. */
export const subgraphModules: { module: SubgraphModule<any>; port: number }[] = [
  { module: programmesSubgraph, port: 4001 },
  { module: beneficiariesSubgraph, port: 4002 },
  { module: venuesSubgraph, port: 4003 },
  { module: vouchersSubgraph, port: 4004 },
];
