import type { EntityManager } from 'typeorm';
import { redemptionStore } from './redemption.store';

/**
 * The time of a redemption, taken inside its transaction, and whether its Paris month is already
 * closed. A redemption holds the close lock shared (redemptions never wait for each other) and
 * `closeMonth` takes it exclusively: a close waits for the redemptions under way, and a
 * redemption stamped after a close sees the month closed — so one stamped just before midnight
 * can never land in a month already paid. The month is computed by PostgreSQL exactly as
 * `closeMonth` bounds it (`Europe/Paris`), so both agree on it. `injected` is a test's clock.
 */
export async function redemptionClock(tx: EntityManager, injected?: Date): Promise<{ at: Date; monthClosed: boolean }> {
  await redemptionStore.holdCloseLockShared(tx);
  return redemptionStore.clock(tx, injected ?? null);
}
