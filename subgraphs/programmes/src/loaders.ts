import type { DataSource } from 'typeorm';
import { groupedLoader, keyedLoader, pageLoaders, type SubgraphContext } from '@pass/kit';
import { funderStore } from './funder/funder.store';
import { orderStore } from './order/order.store';
import { fundingShareStore } from './funding-share/funding-share.store';
import { programmeStore } from './programme/programme.store';

export function createLoaders(db: DataSource) {
  return {
    funder: keyedLoader('Funder', (ids) => funderStore.byIds(db, ids), (f) => f.id),
    programme: keyedLoader('Programme', (ids) => programmeStore.byIds(db, ids), (p) => p.id),
    order: keyedLoader('Order', (ids) => orderStore.byIds(db, ids), (o) => o.id),
    sharesOfProgramme: groupedLoader((ids) => fundingShareStore.ofProgrammes(db, ids), (s) => s.programmeId),
    sharesOfFunder: groupedLoader((ids) => fundingShareStore.ofFunders(db, ids), (s) => s.funderId),
    ordersOfProgramme: groupedLoader((ids) => orderStore.ofProgrammes(db, ids), (o) => o.programmeId),
    orderPagesOfProgramme: pageLoaders((ids, page) => orderStore.pagesOfProgrammes(db, ids, page)),
  };
}

export type Context = SubgraphContext<ReturnType<typeof createLoaders>>;
