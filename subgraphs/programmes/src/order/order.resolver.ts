import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../loaders';
import { Funder } from '../funder/funder.entity';
import { Programme } from '../programme/programme.entity';
import { Order } from './order.entity';
import { placeOrder, recordOrderPayment } from './order.manager';

@Resolver(() => Order)
export class OrderResolver {
  @Query(() => Order)
  order(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<Order> {
    return ctx.loaders.order.load(id);
  }

  @FieldResolver(() => Programme)
  programme(@Root() order: Order, @Ctx() ctx: Context): Promise<Programme> {
    return ctx.loaders.programme.load(order.programmeId);
  }

  @FieldResolver(() => Funder)
  funder(@Root() order: Order, @Ctx() ctx: Context): Promise<Funder> {
    return ctx.loaders.funder.load(order.funderId);
  }

  @Mutation(() => Order)
  placeOrder(
    @Arg('programmeId', () => ID) programmeId: string,
    @Arg('funderId', () => ID) funderId: string,
    @Arg('bookCount', () => Int) bookCount: number,
    @Arg('vouchersPerBook', () => Int, { defaultValue: 5 }) vouchersPerBook: number,
    @Arg('faceValueCents', () => Int, { defaultValue: 1000 }) faceValueCents: number,
    @Ctx() ctx: Context,
  ): Promise<Order> {
    return placeOrder(ctx.dataSource, { programmeId, funderId, bookCount, vouchersPerBook, faceValueCents });
  }

  @Mutation(() => Order, { description: 'Vouchers of an order become issuable only once it is paid.' })
  recordOrderPayment(@Arg('orderId', () => ID) orderId: string, @Ctx() ctx: Context): Promise<Order> {
    return recordOrderPayment(ctx.dataSource, orderId);
  }
}
