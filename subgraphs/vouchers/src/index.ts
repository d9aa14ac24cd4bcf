import type { SubgraphModule } from '@pass/kit';
import { BeneficiaryBooksResolver, DistributorBooksResolver, SessionRedemptionsResolver } from './book/book-refs.resolver';
import { Book } from './book/book.entity';
import { BookResolver } from './book/book.resolver';
import { factHandlers } from './facts/facts.handlers';
import { createLoaders, type Context } from './loaders';
import { Init1763900000004 } from './migrations/0001-init';
import { Redemption } from './redemption/redemption.entity';
import {
  DistributorFiguresResolver,
  ProgrammeFiguresResolver,
  RedemptionResolver,
  VenueFiguresResolver,
} from './redemption/redemption.resolver';
import { Voucher } from './voucher/voucher.entity';
import { VoucherResolver } from './voucher/voucher.resolver';

export { issueBooksOfOrder, allocateBooks, handOutBook } from './book/book.manager';
export { redeemVoucher, RedemptionErrorCode } from './redemption/redemption.manager';
export { generateCodes, normaliseCode, isValidCode, formatCode } from './voucher/voucher-code';

const byId = (loader: keyof Pick<Context['loaders'], 'book' | 'voucher' | 'redemption'>) => ({
  __resolveReference: (ref: { id: string }, ctx: Context) => ctx.loaders[loader].load(ref.id),
});

/** Vouchers: books, vouchers, redemptions; the figures other subgraphs' entities show. */
export const vouchersSubgraph: SubgraphModule<ReturnType<typeof createLoaders>> = {
  name: 'vouchers',
  resolvers: [
    BookResolver,
    VoucherResolver,
    RedemptionResolver,
    ProgrammeFiguresResolver,
    VenueFiguresResolver,
    DistributorFiguresResolver,
    DistributorBooksResolver,
    BeneficiaryBooksResolver,
    SessionRedemptionsResolver,
  ],
  references: { Book: byId('book'), Voucher: byId('voucher'), Redemption: byId('redemption') },
  entities: [Book, Voucher, Redemption],
  migrations: [Init1763900000004],
  createLoaders,
  eventHandlers: factHandlers,
};
