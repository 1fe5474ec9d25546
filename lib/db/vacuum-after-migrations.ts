// After `npm start` applied migrations: VACUUM (ANALYZE) the database in the background, paced
// like autovacuum. A migration that rewrites a table (a stored generated column, for one) leaves
// it without a visibility map, and autovacuum does not come back to a table that only grows until
// a fifth of it is new: until then every index-only read — the lists' capped totals, the rare
// sync-status rounds — fetches each row from the table too (1 M bench database after the
// fee-mismatch column: 10,001 row fetches, 0.15-0.27 s, instead of a few milliseconds).
// Serving does not wait: VACUUM blocks neither reads nor writes.
import pg from "pg";

/** Resolves when the VACUUM is done or has failed (it only logs then: nothing depends on it). */
export async function vacuumAfterMigrations(databaseUrl: string, log: (line: string) => void): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  client.on("error", () => {}); // a database restart mid-VACUUM must not crash the app
  const started = performance.now();
  try {
    await client.connect();
    // Autovacuum's own pace (a manual VACUUM runs unthrottled by default).
    await client.query("SET vacuum_cost_delay = '2ms'");
    await client.query("VACUUM (ANALYZE)");
    log(`VACUUM (ANALYZE) after the migrations: done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  } catch (error) {
    log(`VACUUM (ANALYZE) after the migrations stopped: ${(error as Error).message}`);
  } finally {
    await client.end().catch(() => {});
  }
}
