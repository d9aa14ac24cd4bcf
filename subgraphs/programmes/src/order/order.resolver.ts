import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { EVERY_ROLE, ensure } from '@pass/kit';
import { Role } from '@pass/access';
import { ensureActsAsFunder, unlessNotFound, visibleOrder } from '../access';
import type { Context } from '../loaders';
import { Funder } from '../funder/funder.entity';
import { Programme } from '../programme/programme.entity';
import { Order } from './order.entity';
import { PlaceOrderInput, PlaceOrderPayload, RecordOrderPaymentInput, RecordOrderPaymentPayload } from './order.inputs';
import { placeOrder, recordOrderPayment } from './order.manager';

@Resolver(() => Order)
export class OrderResolver {
  @Authorized(EVERY_ROLE)
  @Query(() => Order, { description: 'An order, for the funders of its programme and the operator.' })
  order(@Arg('id', () => ID, { description: "The order's id." }) id: string, @Ctx() ctx: Context): Promise<Order> {
    return visibleOrder(ctx, id);
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
  @Mutation(() => PlaceOrderPayload, { description: 'A funder of the programme orders books of €10 vouchers, once every co-funder accepted its share.' })
  placeOrder(@Arg('input', () => PlaceOrderInput, { description: 'The order.' }) input: PlaceOrderInput, @Ctx() ctx: Context): Promise<PlaceOrderPayload> {
    ensureActsAsFunder(ctx, input.funderId);
    return placeOrder(ctx.dataSource, input);
  }

  @Authorized(Role.FUNDER, Role.OPERATOR)
  @Mutation(() => RecordOrderPaymentPayload, { description: 'Vouchers of an order become issuable only once it is paid; recording a payment twice changes nothing.' })
  async recordOrderPayment(@Arg('input', () => RecordOrderPaymentInput, { description: 'The order paid.' }) input: RecordOrderPaymentInput, @Ctx() ctx: Context): Promise<RecordOrderPaymentPayload> {
    if (ctx.caller.role === Role.FUNDER) {
      // A known order is the ordering funder's only; an unknown one is the rules' ORDER_NOT_FOUND.
      const order = await unlessNotFound(ctx.loaders.order.load(input.orderId));
      if (order) ensure(order.funderId === ctx.caller.organisationId, "another funder's order");
    }
    return recordOrderPayment(ctx.dataSource, input.orderId);
  }
}
