import { Arg, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { Role } from '@pass/access';
import { ensureProgrammeFigures } from '../access';
import { suppressSmallRows, suppressesSmallCells } from '../activity/small-cells';
import type { Context } from '../loaders';
import { expireProgramme, expiryReport } from './expiry.manager';
import { ExpiryReport } from './expiry.entity';
import { ExpireProgrammeInput, ExpireProgrammePayload } from './expiry.inputs';

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
  expireProgramme(@Arg('input', () => ExpireProgrammeInput, { description: 'The programme to expire.' }) input: ExpireProgrammeInput, @Ctx() ctx: Context): Promise<ExpireProgrammePayload> {
    return expireProgramme(ctx.dataSource, input.programmeId, ctx.clock.now());
  }
}
