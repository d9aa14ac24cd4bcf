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
registerEnumType(DistributorKind, { name: 'DistributorKind', description: 'What kind of organisation a distributor is.', valuesConfig: { ASSOCIATION: { description: 'An association.' }, CCAS: { description: "A municipal social action centre (centre communal d'action sociale)." }, CFA: { description: "An apprentice training centre (centre de formation d'apprentis)." }, MISSION_LOCALE: { description: 'A Mission locale, for 16-25-year-olds.' }, OTHER: { description: 'Any other organisation.' }, POLE_EMPLOI: { description: 'A Pôle emploi (France Travail) agency.' }, SOCIAL_CENTRE: { description: 'A social centre.' }, TOWN_HALL: { description: 'A town hall desk.' } } });

/**
 * A distributor (*aiguilleur*, *prescripteur*): a Pôle emploi agency, a Mission locale, a CCAS…
 * It finds people eligible, hands them a book and follows their progress.
 */
@Entity({ name: 'distributor' })
@ObjectType({ description: 'An organisation that finds eligible people and hands them books (aiguilleur): a Pôle emploi agency, a Mission locale, a CCAS, an association…' })
@Directive('@key(fields: "id")')
export class Distributor {
  @PrimaryGeneratedColumn('uuid')
  @Field(() => ID)
  id!: string;

  @Column('text')
  @Field({ description: "The organisation's name." })
  name!: string;

  @Column('text')
  @Field(() => DistributorKind, { description: 'What kind of organisation it is.' })
  kind!: DistributorKind;

  @Column('text', { name: 'insee_code' })
  @Field({ description: 'INSEE code of the commune it is in.' })
  inseeCode!: string;
}
