import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { ensureProgrammeFigures } from '../access';
import type { Context } from '../loaders';
import { ProgrammeRef } from '../refs/refs';
import { ProgrammeLedger } from './ledger.type';

@Resolver(() => ProgrammeRef)
export class ProgrammeLedgerResolver {
  @FieldResolver(() => ProgrammeLedger, { description: 'Where every euro of the issued orders is now: for its insiders and analysts.' })
  async ledger(@Root() p: ProgrammeRef, @Ctx() ctx: Context): Promise<ProgrammeLedger> {
    await ensureProgrammeFigures(ctx, p.id);
    return ctx.loaders.ledger.load(p.id);
  }
}
