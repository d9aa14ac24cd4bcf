import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { Directive, Field, Float, ID, ObjectType } from 'type-graphql';

/**
 * A qualified venue (*lieu qualifié*, *structure de médiation numérique*): a public digital
 * space, a library, a fablab, a social centre… It runs workshops and redeems vouchers.
 */
@Entity({ name: 'venue' })
@ObjectType({ description: 'A qualified place that runs workshops and takes vouchers (lieu qualifié): a public digital space, a library, a social centre…' })
@Directive('@key(fields: "id")')
export class Venue {
  @PrimaryGeneratedColumn('uuid')
  @Field(() => ID)
  id!: string;

  @Column('char', { length: 14, nullable: true })
  @Field(() => String, { nullable: true, description: 'SIRET (the open-data standard calls it `pivot`).' })
  siret!: string | null;

  @Column('text')
  @Field({ description: "The venue's name." })
  name!: string;

  @Column('text')
  @Field({ description: 'Street address.' })
  address!: string;

  @Column('text', { nullable: true })
  @Field(() => String, { nullable: true, description: 'Postcode.' })
  postcode!: string | null;

  @Column('text', { nullable: true })
  @Field(() => String, { nullable: true, description: 'Name of the commune.' })
  commune!: string | null;

  @Column('text', { name: 'insee_code' })
  @Field({ description: 'INSEE code of the commune.' })
  inseeCode!: string;

  @Column('double precision', { nullable: true })
  @Field(() => Float, { nullable: true, description: 'Latitude, WGS 84.' })
  latitude!: number | null;

  @Column('double precision', { nullable: true })
  @Field(() => Float, { nullable: true, description: 'Longitude, WGS 84.' })
  longitude!: number | null;

  @Column('text', { name: 'opening_hours', nullable: true })
  @Field(() => String, { nullable: true, description: 'OpenStreetMap opening_hours syntax.' })
  openingHours!: string | null;

  @Column('text', { array: true })
  @Field(() => [String], { description: 'Services offered, in the open-data standard\'s words.' })
  services!: string[];
}

@Entity({ name: 'qualification' })
export class Qualification {
  @Column('uuid', { name: 'venue_id', primary: true })
  venueId!: string;

  @Column('uuid', { name: 'programme_id', primary: true })
  programmeId!: string;

  @Column('timestamptz', { name: 'qualified_at' })
  qualifiedAt!: Date;
}
