import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { EVERY_ROLE, ensure } from '@pass/kit';
import { Role } from '@pass/access';
import { ensureActsAsFunder, ensureProgrammeMoney } from '../access';
import type { Context } from '../loaders';
import { Funder } from '../funder/funder.entity';
import { Programme } from '../programme/programme.entity';
import { Order } from './order.entity';
import { placeOrder, recordOrderPayment } from './order.manager';

@Resolver(() => Order)
export class OrderResolver {
  @Authorized(EVERY_ROLE)
  @Query(() => Order, { description: 'An order, for the funders of its programme and the operator.' })
  async order(@Arg('id', () => ID, { description: "The order's id." }) id: string, @Ctx() ctx: Context): Promise<Order> {
    const order = await ctx.loaders.order.load(id);
    await ensureProgrammeMoney(ctx, order.programmeId);
    return order;
  }

  @FieldResolver(() => Programme, { description: 'The programme the books are for.' })
  programme(@Root() order: Order, @Ctx() ctx: Context): Promise<Programme> {
    return ctx.loaders.programme.load(order.programmeId);
  }

  @FieldResolver(() => Funder, { description: 'The funder that ordered.' })
  funder(@Root() order: Order, @Ctx() ctx: Context): Promise<Funder> {
    return ctx.loaders.funder.load(order.funderId);
  }

  @Authorized(Role.FUNDER, Role.OPERATOR)
  @Mutation(() => Order, {
    description:
      'A funder of the programme orders books of €10 vouchers. Refusals carry `extensions.code`: ' +
      'FACE_VALUE_NOT_VOUCHER_VALUE (faceValueCents other than 1000), FUNDING_SHARES_PENDING (a co-funder has not accepted its share).',
  })
  placeOrder(
    @Arg('programmeId', () => ID, { description: 'The programme the books are for.' }) programmeId: string,
    @Arg('funderId', () => ID, { description: 'The ordering funder.' }) funderId: string,
    @Arg('bookCount', () => Int, { description: 'Number of books.' }) bookCount: number,
    @Arg('vouchersPerBook', () => Int, { defaultValue: 5, description: 'Vouchers in each book (5 or 10).' }) vouchersPerBook: number,
    @Arg('faceValueCents', () => Int, { defaultValue: 1000, description: 'Face value of one voucher, in euro cents.' }) faceValueCents: number,
    @Ctx() ctx: Context,
  ): Promise<Order> {
    ensureActsAsFunder(ctx, funderId);
    return placeOrder(ctx.dataSource, { programmeId, funderId, bookCount, vouchersPerBook, faceValueCents });
  }

  @Authorized(Role.FUNDER, Role.OPERATOR)
  @Mutation(() => Order, { description: 'Vouchers of an order become issuable only once it is paid.' })
  async recordOrderPayment(@Arg('orderId', () => ID, { description: 'The order paid.' }) orderId: string, @Ctx() ctx: Context): Promise<Order> {
    if (ctx.caller.role === Role.FUNDER) {
      const order = await ctx.loaders.order.load(orderId);
      ensure(order.funderId === ctx.caller.organisationId, "another funder's order");
    }
    return recordOrderPayment(ctx.dataSource, orderId);
  }
}
