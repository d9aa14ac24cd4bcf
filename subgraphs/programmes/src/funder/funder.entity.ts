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
registerEnumType(FunderKind, { name: 'FunderKind' });

/** A funder (*commanditaire*, *financeur*): buys books of vouchers for a programme and pays. */
@Entity({ name: 'funder' })
@ObjectType()
@Directive('@key(fields: "id")')
export class Funder {
  @PrimaryGeneratedColumn('uuid')
  @Field(() => ID)
  id!: string;

  @Column('text')
  @Field()
  name!: string;

  @Column('text')
  @Field(() => FunderKind)
  kind!: FunderKind;
}
