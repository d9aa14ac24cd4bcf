import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { Directive, Field, ID, ObjectType, registerEnumType } from 'type-graphql';

export enum DistributorKind {
  POLE_EMPLOI = 'POLE_EMPLOI',
  MISSION_LOCALE = 'MISSION_LOCALE',
  CCAS = 'CCAS',
  TOWN_HALL = 'TOWN_HALL',
  SOCIAL_CENTRE = 'SOCIAL_CENTRE',
  ASSOCIATION = 'ASSOCIATION',
  CFA = 'CFA',
  OTHER = 'OTHER',
}
registerEnumType(DistributorKind, { name: 'DistributorKind' });

/**
 * A distributor (*aiguilleur*, *prescripteur*): a Pôle emploi agency, a Mission locale, a CCAS…
 * It finds people eligible, hands them a book and follows their progress.
 */
@Entity({ name: 'distributor' })
@ObjectType()
@Directive('@key(fields: "id")')
export class Distributor {
  @PrimaryGeneratedColumn('uuid')
  @Field(() => ID)
  id!: string;

  @Column('text')
  @Field()
  name!: string;

  @Column('text')
  @Field(() => DistributorKind)
  kind!: DistributorKind;

  @Column('text', { name: 'insee_code' })
  @Field({ description: 'INSEE code of the commune it is in.' })
  inseeCode!: string;
}
