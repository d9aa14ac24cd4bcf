import type { DataSource } from 'typeorm';
import { openSubgraphDataSource, type SubgraphModule } from '@pass/kit';
import type { Logger } from '@pass/runtime';
import type { SubgraphName } from '@pass/contracts';

/** A subgraph's tables, reached directly: what the demo loader and some tests need. */
export interface SubgraphData {
  name: string;
  dataSource: DataSource;
}

/**
 * Each subgraph's schema opened from the launcher's process, when the subgraphs run in processes
 * of their own: the same entities and migrations (already applied by the subgraph, so a no-op
 * here), a small pool, and no HTTP server or event consumer.
 */
export async function openHubData(
  modules: readonly { module: SubgraphModule<unknown> }[],
  databaseUrl: string,
  logger: Logger,
): Promise<Record<SubgraphName, SubgraphData>> {
  const opened = await Promise.all(
    modules.map(async ({ module }) => ({
      name: module.name,
      dataSource: await openSubgraphDataSource({
        url: databaseUrl,
        schema: module.name,
        entities: module.entities,
        migrations: module.migrations,
        logger: logger.child({ subgraph: module.name }),
        poolSize: 4,
      }),
    })),
  );
  return Object.fromEntries(opened.map((d) => [d.name, d])) as Record<SubgraphName, SubgraphData>;
}

/**
 * Resolves once every subgraph process has applied every fact published so far on the topics it
 * replicates, read from outside: the bus's last sequence number per subgraph's topics against the
 * offset its consumer commits with each batch (`consumed_event`). Waits through a subgraph's
 * restart; gives up after `timeoutMs`.
 */
export async function waitForReplicas(
  data: Record<SubgraphName, SubgraphData>,
  modules: readonly { module: SubgraphModule<unknown> }[],
  timeoutMs = 60_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  await Promise.all(
    modules.map(async ({ module }) => {
      const topics = Object.keys(module.eventHandlers ?? {});
      if (topics.length === 0) return;
      const db = data[module.name].dataSource;
      const [{ target }] = await db.query(`select coalesce(max(seq), 0)::bigint as target from bus.event where topic = any($1)`, [topics]);
      for (;;) {
        const rows: { last_seq: string }[] = await db.query(`select last_seq from consumed_event where consumer = $1`, [module.name]);
        if (rows[0] && BigInt(rows[0].last_seq) >= BigInt(target)) return;
        if (Date.now() > deadline) throw new Error(`the ${module.name} subgraph has not applied the facts published up to #${target}`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    }),
  );
}
