export default async function globalTeardown(): Promise<void> {
  const postgres = (globalThis as { __passPostgres?: { stop(): Promise<void> } }).__passPostgres;
  await postgres?.stop();
}
