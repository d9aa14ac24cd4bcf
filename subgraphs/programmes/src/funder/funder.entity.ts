import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { Directive, Field, ID, ObjectType, registerEnumType } from 'type-graphql';

export enum FunderKind {
  STATE = 'STATE',
  REGION = 'REGION',
  DEPARTMENT = 'DEPARTMENT',
  INTERCOMMUNALITY = 'INTERCOMMUNALITY',
  EUROPEAN_UNION = 'EUROPEAN_UNION',
  COMPANY = 'COMPANY',
}
registerEnumType(FunderKind, { name: 'FunderKind', description: 'What kind of organisation a funder is.', valuesConfig: { COMPANY: { description: 'A company.' }, DEPARTMENT: { description: 'A département.' }, EUROPEAN_UNION: { description: 'The European Union (e.g. its social fund).' }, INTERCOMMUNALITY: { description: 'An intercommunality (EPCI), such as an agglomeration.' }, REGION: { description: 'A region.' }, STATE: { description: 'The State (a ministry, ANCT).' } } });

/** A funder (*commanditaire*, *financeur*): buys books of vouchers for a programme and pays. */
@Entity({ name: 'funder' })
@ObjectType({ description: 'An organisation that pays for vouchers (commanditaire): the State, a region, a département, an intercommunality, the EU, a company.' })
@Directive('@key(fields: "id")')
export class Funder {
  @PrimaryGeneratedColumn('uuid')
  @Field(() => ID)
  id!: string;

  @Column('text')
  @Field({ description: "The organisation's name." })
  name!: string;

  @Column('text')
  @Field(() => FunderKind, { description: 'What kind of organisation it is.' })
  kind!: FunderKind;
}
