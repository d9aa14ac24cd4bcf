import { Field, ObjectType } from 'type-graphql';
import { SafeIntResolver } from 'graphql-scalars';

/** Where every euro of a programme's issued orders is: ordered = redeemed + outstanding + credited back. */
@ObjectType({ description: "Where a programme's money is: every euro ordered is redeemed, outstanding or credited back." })
export class ProgrammeLedger {
  @Field(() => SafeIntResolver, { description: 'Face value of the paid orders whose vouchers were issued.' })
  orderedCents!: number;

  @Field(() => SafeIntResolver, { description: 'Face value of redemptions: owed or paid to venues.' })
  redeemedCents!: number;

  @Field(() => SafeIntResolver, { description: 'Face value of vouchers still usable.' })
  outstandingCents!: number;

  @Field(() => SafeIntResolver, { description: 'Face value of blocked vouchers, credited back to the funders.' })
  creditedBackCents!: number;

  @Field({ description: 'Whether ordered = redeemed + outstanding + credited back, to the cent.' })
  get balanced(): boolean {
    return this.orderedCents === this.redeemedCents + this.outstandingCents + this.creditedBackCents;
  }
}
