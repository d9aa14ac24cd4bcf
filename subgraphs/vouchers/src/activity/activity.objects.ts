import { Directive, Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { LocalDateResolver, SafeIntResolver } from 'graphql-scalars';
import { DistributorRef } from '../distributor/distributor.entity';
import { VenueRef } from '../venue/venue.entity';

export enum PlaceLevel {
  COMMUNE = 'COMMUNE',
  DEPARTEMENT = 'DEPARTEMENT',
}
registerEnumType(PlaceLevel, {
  name: 'PlaceLevel',
  description: 'How finely redemptions are broken down by place: commune or département.',
  valuesConfig: { COMMUNE: { description: 'By commune, as its INSEE code.' }, DEPARTEMENT: { description: 'By département, as its code (e.g. "60", "2A").' } },
});

@ObjectType({ description: "A day's redemptions within a programme (Paris calendar day)." })
export class DailyRedemptions {
  @Field(() => LocalDateResolver, { description: 'The Paris calendar day, YYYY-MM-DD.' })
  day!: string;

  @Field(() => Int, { description: 'Vouchers redeemed that day.' })
  vouchersRedeemed!: number;

  @Field(() => SafeIntResolver, { description: 'The amount redeemed, in euro cents.' })
  amountCents!: number;
}

@ObjectType({ description: "A place's redemptions within a programme: where the sessions took place." })
export class PlaceActivity {
  @Field(() => PlaceLevel, { description: 'Whether the place is a commune or a département.' })
  level!: PlaceLevel;

  @Field({ description: 'INSEE code of the commune or the département; OTHER on the merged row of small places.' })
  code!: string;

  @Field({ description: 'Its official name, e.g. "Creil" or "Oise".' })
  name!: string;

  @Field(() => Int, { description: 'Vouchers redeemed at sessions in this place.' })
  vouchersRedeemed!: number;

  @Field(() => SafeIntResolver, { description: 'The amount redeemed, in euro cents.' })
  amountCents!: number;

  @Field({
    description:
      'True on the one row merging, for analysts, every place counting 1 to 4 redemptions (and, when those add up to ' +
      'fewer than 5, the smallest other places too): analysts never see a count between 1 and 4 for a place.',
  })
  suppressed!: boolean;
}

@ObjectType({ description: "A venue's redemptions so far this calendar month (Paris time)." })
export class VenueMonthToDate {
  @Field({ description: 'YYYY-MM, Paris time.' })
  month!: string;

  @Field(() => Int, { description: 'Vouchers redeemed at the venue this month.' })
  vouchersRedeemed!: number;

  @Field(() => SafeIntResolver, { description: 'The amount redeemed, in euro cents.' })
  amountCents!: number;
}

@ObjectType({ description: "A venue's redemptions within a programme." })
export class VenueActivity {
  @Field(() => VenueRef, { description: 'The venue.' })
  @Directive('@provides(fields: "name inseeCode")')
  venue!: VenueRef;

  @Field(() => Int, { description: 'Vouchers of the programme the venue redeemed.' })
  vouchersRedeemed!: number;

  @Field(() => Int, { description: 'Face value of those vouchers, in euro cents.' })
  amountCents!: number;
}

@ObjectType({ description: "A distributor's books and their use within a programme." })
export class DistributorActivity {
  @Field(() => DistributorRef, { description: 'The distributor.' })
  distributor!: DistributorRef;

  @Field(() => Int, { description: 'Books of the programme allocated to the distributor.' })
  booksAllocated!: number;

  @Field(() => Int, { description: 'Of those, books handed to a person.' })
  booksHandedOut!: number;

  @Field(() => Int, { description: 'Vouchers of those books redeemed.' })
  vouchersRedeemed!: number;
}
