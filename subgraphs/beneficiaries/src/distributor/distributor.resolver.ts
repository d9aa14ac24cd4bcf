import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import {
  ConnectionType,
  DEFAULT_PAGE_SIZE,
  EVERY_ROLE,
  MAX_PAGE_SIZE,
  ensure,
  isOrganisation,
  readPageRequest,
  toConnection,
} from '@pass/kit';
import { Role } from '@pass/access';
import { Beneficiary } from '../beneficiary/beneficiary.entity';
import type { Context } from '../loaders';
import { Distributor } from './distributor.entity';
import { RegisterDistributorInput, RegisterDistributorPayload } from './distributor.inputs';
import { registerDistributor } from './distributor.manager';
import { distributorStore } from './distributor.store';

/** Name the lists in their cursors, so that a cursor of another list is refused. */
const DISTRIBUTORS = 'Query.distributors';
const BENEFICIARIES_OF_DISTRIBUTOR = 'Distributor.beneficiaries';

@ObjectType('DistributorConnection', { description: 'A page of distributors, by name then id.' })
export class DistributorConnection extends ConnectionType(Distributor, 'Distributor') {}

@ObjectType('BeneficiaryConnection', { description: "A page of a distributor's beneficiaries, by registration time then id." })
export class BeneficiaryConnection extends ConnectionType(Beneficiary, 'Beneficiary') {}

@Resolver(() => Distributor)
export class DistributorResolver {
  @Authorized(EVERY_ROLE)
  @Query(() => DistributorConnection, { description: 'Distributors, by name then id, a page at a time: a distributor sees itself only.' })
  async distributors(
    @Ctx() ctx: Context,
    @Arg('first', () => Int, { defaultValue: DEFAULT_PAGE_SIZE, description: `Distributors in this page: 1 to ${MAX_PAGE_SIZE}.` }) first: number,
    @Arg('after', () => String, { nullable: true, description: "The previous page's `pageInfo.endCursor`; the first page when absent." })
    after: string | null,
  ): Promise<DistributorConnection> {
    const request = readPageRequest(DISTRIBUTORS, first, after);
    const only = ctx.caller.role === Role.DISTRIBUTOR ? ctx.caller.organisationId : null;
    const page = await distributorStore.page(ctx.dataSource, request, only);
    return toConnection(DISTRIBUTORS, request, page, (d) => d.pageKey);
  }

  @Authorized(EVERY_ROLE)
  @Query(() => Distributor, { description: "A distributor: itself, or for its programmes' funders and coordinators, and the operator." })
  distributor(@Arg('id', () => ID, { description: "The distributor's id." }) id: string, @Ctx() ctx: Context): Promise<Distributor> {
    return ctx.loaders.distributor.load(id);
  }

  @FieldResolver(() => BeneficiaryConnection, { description: 'People this distributor registered, by registration time then id, a page at a time.' })
  async beneficiaries(
    @Root() distributor: Distributor,
    @Ctx() ctx: Context,
    @Arg('first', () => Int, { defaultValue: DEFAULT_PAGE_SIZE, description: `Beneficiaries in this page: 1 to ${MAX_PAGE_SIZE}.` }) first: number,
    @Arg('after', () => String, { nullable: true, description: "The previous page's `pageInfo.endCursor`; the first page when absent." })
    after: string | null,
  ): Promise<BeneficiaryConnection> {
    const request = readPageRequest(BENEFICIARIES_OF_DISTRIBUTOR, first, after);
    ensure(isOrganisation(ctx.caller, Role.DISTRIBUTOR, distributor.id), "another distributor's beneficiaries");
    const page = await ctx.loaders.beneficiaryPagesOfDistributor(request).load(distributor.id);
    return toConnection(BENEFICIARIES_OF_DISTRIBUTOR, request, page, (b) => b.pageKey);
  }

  @Authorized(Role.OPERATOR)
  @Mutation(() => RegisterDistributorPayload, { description: 'Operator: adds a distributor.' })
  registerDistributor(
    @Arg('input', () => RegisterDistributorInput, { description: 'The distributor.' }) input: RegisterDistributorInput,
    @Ctx() ctx: Context,
  ): Promise<RegisterDistributorPayload> {
    return registerDistributor(ctx.dataSource, input);
  }
}
