import { rmSync } from 'node:fs';

export default async function globalTeardown(): Promise<void> {
  const state = (globalThis as { __passPostgres?: { postgres: { stop(): Promise<void>; embedded: boolean }; dataDir: string } }).__passPostgres;
  if (!state) return;
  await state.postgres.stop();
  if (state.postgres.embedded) rmSync(state.dataDir, { recursive: true, force: true });
}
