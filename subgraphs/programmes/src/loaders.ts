import type { DataSource } from 'typeorm';
import { groupedLoader, keyedLoader, pageLoaders, type SubgraphContext } from '@pass/kit';
import { funderStore } from './funder/funder.store';
import { orderStore } from './order/order.store';
import { fundingShareStore } from './funding-share/funding-share.store';
import { programmeStore } from './programme/programme.store';

export function createLoaders(db: DataSource) {
  const funder = keyedLoader('Funder', (ids) => funderStore.byIds(db, ids), (f) => f.id);
  const programme = keyedLoader('Programme', (ids) => programmeStore.byIds(db, ids), (p) => p.id);
  return {
    funder,
    programme,
    order: keyedLoader('Order', (ids) => orderStore.byIds(db, ids), (o) => o.id),
    // Read with their funders, which the funder loader then has: a share's `funder` costs no statement.
    sharesOfProgramme: groupedLoader(
      async (ids) =>
        (await fundingShareStore.ofProgrammesWithFunders(db, ids)).map(({ share, funder: f }) => {
          funder.prime(f.id, f);
          return share;
        }),
      (s) => s.programmeId,
    ),
    // Read with the funder's ids in one statement, which the programme loader then has.
    programmesOfFunder: groupedLoader(
      async (ids) =>
        (await programmeStore.ofFunders(db, ids)).map((row) => {
          programme.prime(row.programme.id, row.programme);
          return row;
        }),
      (row) => row.funderId,
    ),
    ordersOfProgramme: groupedLoader((ids) => orderStore.ofProgrammes(db, ids), (o) => o.programmeId),
    orderPagesOfProgramme: pageLoaders((ids, page) => orderStore.pagesOfProgrammes(db, ids, page)),
  };
}

export type Context = SubgraphContext<ReturnType<typeof createLoaders>>;
