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

  // Shareable: the vouchers subgraph answers a venue's name and commune from its replica of
  // venue.described (@provides there) under a redemption and a programme's venue activity.
  @Column('text')
  @Field({ description: "The venue's name." })
  @Directive('@shareable')
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
  @Directive('@shareable')
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

  @Column('text')
  @Field({ description: 'Who declared the venue (the standard\'s `source`); empty for a venue registered in the hub.' })
  source!: string;

  @Column('text', { name: 'source_id' })
  @Field({ description: 'The declaring source\'s own id for the venue (the standard\'s `id`); with `source`, the key a re-import updates by.' })
  sourceId!: string;

  /** SIRET, RNA or RIDET as declared (`pivot`); null when unknown. */
  @Column('text', { nullable: true })
  pivot!: string | null;

  /** Date of the declaration (`date_maj`), YYYY-MM-DD. */
  @Column('date', { name: 'updated_on', nullable: true })
  updatedOn!: string | null;

  /** The standard's columns the hub does not query, as imported, so that an export gives them back. */
  @Column('jsonb')
  details!: VenueDetails;

  @Column('text', { name: 'departement_code', nullable: true })
  departementCode!: string | null;

  @Column('text', { name: 'region_code', nullable: true })
  regionCode!: string | null;

  @Column('text', { name: 'epci_code', nullable: true })
  epciCode!: string | null;
}

/** Columns of the venue standard kept verbatim (lists as arrays). */
export interface VenueDetails {
  addressComplement?: string;
  typologies?: string[];
  phone?: string;
  emails?: string[];
  websites?: string[];
  summary?: string;
  description?: string;
  mobility?: string[];
  parentOrganisation?: string;
  publics?: string[];
  specificSupport?: string[];
  fees?: string[];
  nationalProgrammes?: string[];
  labels?: string[];
  otherLabels?: string;
  accessModes?: string[];
  supportModes?: string[];
  accessibilityUrl?: string;
  bookingUrl?: string;
}

@ObjectType({ description: 'A département or a région, by INSEE code and name.' })
export class AdministrativeArea {
  @Field({ description: 'Its official INSEE code, e.g. "75" or "11".' })
  code!: string;

  @Field({ description: 'Its official name.' })
  name!: string;
}
