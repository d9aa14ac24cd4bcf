import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { LocalDateResolver, SafeIntResolver } from 'graphql-scalars';

export enum PlaceLevel {
  COMMUNE = 'COMMUNE',
  DEPARTEMENT = 'DEPARTEMENT',
}
registerEnumType(PlaceLevel, { name: 'PlaceLevel', description: 'How finely redemptions are broken down by place: commune or département.' });

@ObjectType({ description: "A day's redemptions within a programme (Paris calendar day)." })
export class DailyRedemptions {
  @Field(() => LocalDateResolver)
  day!: string;

  @Field(() => Int)
  vouchersRedeemed!: number;

  @Field(() => SafeIntResolver)
  amountCents!: number;
}

@ObjectType({ description: "A place's redemptions within a programme: where the sessions took place." })
export class PlaceActivity {
  @Field(() => PlaceLevel)
  level!: PlaceLevel;

  @Field({ description: 'INSEE code of the commune or the département.' })
  code!: string;

  @Field({ description: 'Its official name, e.g. "Creil" or "Oise".' })
  name!: string;

  @Field(() => Int)
  vouchersRedeemed!: number;

  @Field(() => SafeIntResolver)
  amountCents!: number;
}

@ObjectType({ description: "A venue's redemptions so far this calendar month (Paris time)." })
export class VenueMonthToDate {
  @Field({ description: 'YYYY-MM, Paris time.' })
  month!: string;

  @Field(() => Int)
  vouchersRedeemed!: number;

  @Field(() => SafeIntResolver)
  amountCents!: number;
}
