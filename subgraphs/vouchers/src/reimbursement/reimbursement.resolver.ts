import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Role } from '@pass/access';
import { ensureSeesStatement } from '../access';
import type { Context } from '../loaders';
import { Redemption } from '../redemption/redemption.entity';
import { RedemptionCorrection } from '../redemption/correct-redemption.inputs';
import { VenueRef } from '../venue/venue.entity';
import { WorkshopSessionRef } from '../session/session.entity';
import { ReimbursementStatement } from './reimbursement-statement.entity';
import { closeMonth } from './reimbursement.manager';
import { StatementLine } from './reimbursement-line.entity';
import { CloseMonthInput, CloseMonthPayload } from './reimbursement.inputs';

@Resolver(() => ReimbursementStatement)
export class ReimbursementStatementResolver {
  @Authorized(Role.OPERATOR, Role.VENUE)
  @Query(() => ReimbursementStatement, { description: 'The operator, or the venue the statement pays.' })
  async reimbursementStatement(@Arg('id', () => ID, { description: "The statement's id." }) id: string, @Ctx() ctx: Context): Promise<ReimbursementStatement> {
    const statement = await ctx.loaders.statement.load(id);
    ensureSeesStatement(ctx, statement);
    return statement;
  }

  @FieldResolver(() => VenueRef, { description: 'The venue paid.' })
  venue(@Root() statement: ReimbursementStatement): VenueRef {
    return { id: statement.venueId };
  }

  @FieldResolver(() => [StatementLine], { description: 'The redemptions paid for, oldest first.' })
  lines(@Root() statement: ReimbursementStatement, @Ctx() ctx: Context): Promise<StatementLine[]> {
    return ctx.loaders.linesOfStatement.load(statement.id);
  }

  @FieldResolver(() => [RedemptionCorrection], {
    description: "The operator's corrections this statement deducts: redemptions of earlier, closed months taken back, oldest first.",
  })
  async corrections(@Root() statement: ReimbursementStatement, @Ctx() ctx: Context): Promise<RedemptionCorrection[]> {
    const rows = await ctx.loaders.correctionsOfStatement.load(statement.id);
    return rows.map((row) => Object.assign(new RedemptionCorrection(), row));
  }

  @Authorized(Role.OPERATOR)
  @Mutation(() => CloseMonthPayload, {
    description: "Operator: writes each venue's reimbursement statement for an ended month (YYYY-MM, Paris time), once.",
  })
  closeMonth(@Arg('input', () => CloseMonthInput, { description: 'The month to close.' }) input: CloseMonthInput, @Ctx() ctx: Context): Promise<CloseMonthPayload> {
    return closeMonth(ctx.dataSource, input.month, ctx.clock.now());
  }
}

@Resolver(() => StatementLine)
export class StatementLineResolver {
  @FieldResolver(() => Redemption, { description: 'The redemption.' })
  redemption(@Root() line: StatementLine, @Ctx() ctx: Context): Promise<Redemption> {
    return ctx.loaders.redemption.load(line.redemptionId);
  }

  @FieldResolver(() => WorkshopSessionRef, { description: 'The session the voucher paid for.' })
  session(@Root() line: StatementLine): WorkshopSessionRef {
    return { id: line.sessionId };
  }
}
