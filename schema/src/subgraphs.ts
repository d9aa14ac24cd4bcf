import type { SubgraphModule } from '@pass/kit';
import { beneficiariesSubgraph } from '@pass/beneficiaries';
import { programmesSubgraph } from '@pass/programmes';
import { venuesSubgraph } from '@pass/venues';
import { vouchersSubgraph } from '@pass/vouchers';
import { HUB_PORTS } from '@pass/contracts';

/** The four subgraphs and their default ports (the one table, in @pass/contracts); the gateway overrides URLs at run time. */
export const subgraphModules: { module: SubgraphModule<any>; port: number }[] = [
  { module: programmesSubgraph, port: HUB_PORTS.programmes },
  { module: beneficiariesSubgraph, port: HUB_PORTS.beneficiaries },
  { module: venuesSubgraph, port: HUB_PORTS.venues },
  { module: vouchersSubgraph, port: HUB_PORTS.vouchers },
];
