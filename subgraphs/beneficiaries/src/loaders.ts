import type { DataSource } from 'typeorm';
import { keyedLoader, pageLoaders, type SubgraphContext } from '@pass/kit';
import { beneficiaryStore } from './beneficiary/beneficiary.store';
import { distributorStore } from './distributor/distributor.store';

export function createLoaders(db: DataSource) {
  return {
    distributor: keyedLoader('Distributor', (ids) => distributorStore.byIds(db, ids), (d) => d.id),
    beneficiary: keyedLoader('Beneficiary', (ids) => beneficiaryStore.byIds(db, ids), (b) => b.id),
    beneficiaryPagesOfDistributor: pageLoaders((ids, page) => beneficiaryStore.pagesOfDistributors(db, ids, page)),
  };
}

export type Context = SubgraphContext<ReturnType<typeof createLoaders>>;
