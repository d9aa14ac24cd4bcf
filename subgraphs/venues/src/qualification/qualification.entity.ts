import { Column, Entity } from 'typeorm';

/** The hub's own record that a venue may take a programme's vouchers (the open-data standard no longer carries it). */
@Entity({ name: 'qualification' })
export class Qualification {
  @Column('uuid', { name: 'venue_id', primary: true })
  venueId!: string;

  @Column('uuid', { name: 'programme_id', primary: true })
  programmeId!: string;

  @Column('timestamptz', { name: 'qualified_at' })
  qualifiedAt!: Date;
}
