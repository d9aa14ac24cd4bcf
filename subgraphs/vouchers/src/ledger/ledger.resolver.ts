import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { ensureProgrammeFigures } from '../access';
import type { Context } from '../loaders';
import { ProgrammeRef } from '../refs/refs';
import { FunderStatementLine, funderStatement } from './funder-statement';
import { ProgrammeLedger } from './ledger.entity';

@Resolver(() => ProgrammeRef)
export class ProgrammeLedgerResolver {
  @FieldResolver(() => ProgrammeLedger, { description: 'Where every euro of the issued orders is now: for its insiders and analysts.' })
  async ledger(@Root() p: ProgrammeRef, @Ctx() ctx: Context): Promise<ProgrammeLedger> {
    await ensureProgrammeFigures(ctx, p.id);
    return ctx.loaders.ledger.load(p.id);
  }

  @FieldResolver(() => [FunderStatementLine], {
    description: "The funder statement: the ledger split by co-funder share (paid, redeemed, outstanding, credited back), in the order of the programme's shares. Each column sums to the ledger's figure. For its insiders and analysts.",
  })
  async funderStatement(@Root() p: ProgrammeRef, @Ctx() ctx: Context): Promise<FunderStatementLine[]> {
    await ensureProgrammeFigures(ctx, p.id);
    const [ledger, shares, credits] = await Promise.all([ctx.loaders.ledger.load(p.id), ctx.loaders.sharesOfProgramme.load(p.id), ctx.loaders.creditsOfProgramme.load(p.id)]);
    return funderStatement(ledger, shares, new Map(credits.map((c) => [c.funderId, c.amountCents])));
  }
}
