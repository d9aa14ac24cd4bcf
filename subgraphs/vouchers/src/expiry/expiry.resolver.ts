import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { SafeIntResolver } from 'graphql-scalars';
import { Role } from '@pass/kit';
import { ensureProgrammeFigures } from '../access';
import { suppressSmallRows, suppressesSmallCells } from '../activity/small-cells';
import type { Context } from '../loaders';
import { ProgrammeRef } from '../refs/refs';
import { expireProgramme, expiryReport } from './expiry.manager';
import { Credit, ExpireProgrammePayload, ExpiryReport } from './expiry.types';

@Resolver(() => ExpiryReport)
export class ExpiryResolver {
  @Authorized(Role.OPERATOR, Role.ANALYST, Role.COORDINATOR, Role.FUNDER)
  @Query(() => ExpiryReport, {
    description:
      "The D-30 alert of a programme's funders: books issued, handed out, never handed out, started. Aggregates only; " +
      'analysts never see a distributor line whose books handed out or started count 1 to 4 (such lines, and when those add up to 1 to 4 the smallest others too, are left out).',
  })
  async expiryReport(@Arg('programmeId', () => ID, { description: 'The programme.' }) programmeId: string, @Ctx() ctx: Context): Promise<ExpiryReport> {
    await ensureProgrammeFigures(ctx, programmeId);
    const report = await expiryReport(ctx.dataSource, programmeId);
    // Per distributor, books handed out and started count people: the small-cell rule for analysts.
    if (!suppressesSmallCells(ctx.caller)) return report;
    return { ...report, distributors: suppressSmallRows(report.distributors, (d) => [d.booksHandedOut, d.booksStarted]) };
  }

  @Authorized(Role.OPERATOR)
  @Mutation(() => ExpireProgrammePayload, {
    description: "Operator: once a programme's last day has passed, blocks its unused vouchers and credits their value back to its funders.",
  })
  expireProgramme(@Arg('programmeId', () => ID, { description: 'The programme to expire.' }) programmeId: string, @Ctx() ctx: Context): Promise<ExpireProgrammePayload> {
    return expireProgramme(ctx.dataSource, programmeId, ctx.clock.now());
  }
}

/** What this subgraph adds to the programmes subgraph's `Programme`: the value given back, for its insiders and analysts. */
@Resolver(() => ProgrammeRef)
export class ProgrammeCreditsResolver {
  @FieldResolver(() => SafeIntResolver, { description: 'Face value of blocked vouchers credited back to the funders.' })
  async creditedBackCents(@Root() p: ProgrammeRef, @Ctx() ctx: Context): Promise<number> {
    await ensureProgrammeFigures(ctx, p.id);
    return (await ctx.loaders.creditsOfProgramme.load(p.id)).reduce((sum, c) => sum + c.amountCents, 0);
  }

  @FieldResolver(() => [Credit], { description: 'Credited back per funder, largest first.' })
  async credits(@Root() p: ProgrammeRef, @Ctx() ctx: Context): Promise<Credit[]> {
    await ensureProgrammeFigures(ctx, p.id);
    return (await ctx.loaders.creditsOfProgramme.load(p.id)).map((c) => ({ funder: { id: c.funderId }, amountCents: c.amountCents }));
  }
}
