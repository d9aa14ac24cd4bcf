import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { LocalDateResolver, SafeIntResolver } from 'graphql-scalars';

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

  @Field({ description: 'INSEE code of the commune or the département.' })
  code!: string;

  @Field({ description: 'Its official name, e.g. "Creil" or "Oise".' })
  name!: string;

  @Field(() => Int, { description: 'Vouchers redeemed at sessions in this place.' })
  vouchersRedeemed!: number;

  @Field(() => SafeIntResolver, { description: 'The amount redeemed, in euro cents.' })
  amountCents!: number;
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
