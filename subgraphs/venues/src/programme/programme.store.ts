import type { DataSource, EntityManager } from 'typeorm';

/** The replica of programme territories (`programme_territory`, docs/adr/0001), as the programmes subgraph wrote them. */
export const programmeStore = {
  /** The latest definition wins; replaying an event leaves the row as it was. */
  async defineTerritory(tx: EntityManager, programmeId: string, territory: string[]): Promise<void> {
    await tx.query(
      `insert into programme_territory (programme_id, territory) values ($1, $2)
       on conflict (programme_id) do update set territory = excluded.territory`,
      [programmeId, territory],
    );
  },
  /** The programme's territory entries, undefined for a programme the hub has not defined here. */
  async territoryOf(db: DataSource | EntityManager, programmeId: string): Promise<string[] | undefined> {
    const [programme]: { territory: string[] }[] = await db.query(`select territory from programme_territory where programme_id = $1`, [programmeId]);
    return programme?.territory;
  },
  /** The territories of several programmes (unknown ones left out). */
  async territoriesOf(db: DataSource | EntityManager, programmeIds: string[]): Promise<string[][]> {
    const rows: { territory: string[] }[] = await db.query(`select territory from programme_territory where programme_id = any($1::uuid[])`, [programmeIds]);
    return rows.map((row) => row.territory);
  },
};
