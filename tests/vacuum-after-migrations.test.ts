// The VACUUM `npm start` runs after applying migrations gives a freshly written table its
// visibility map, so index-only reads stop fetching every row; a failure only logs.
import pg from "pg";
import { describe, expect, it } from "vitest";
import { vacuumAfterMigrations } from "@/lib/db/vacuum-after-migrations";
import { createTestDatabase } from "./helpers/database";

describe("vacuumAfterMigrations", () => {
  it("marks a freshly written table all-visible and logs when done", async () => {
    const { url, db } = await createTestDatabase();
    await db.renewal.createMany({
      data: Array.from({ length: 3000 }, (_, i) => ({
        idempotencyKey: `v:${i}`, unionId: "1", tradeNo: `V${i}`, parkId: "P", payState: 1, amountFen: 100, sign: "x", dataText: "{}", rawBody: "{}", bookedAt: new Date(),
      })),
    });
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const allVisible = async () => Number((await client.query("SELECT relallvisible FROM pg_class WHERE relname = 'renewals'")).rows[0].relallvisible);
    expect(await allVisible()).toBe(0);
    const lines: string[] = [];
    await vacuumAfterMigrations(url, (line) => lines.push(line));
    expect(await allVisible()).toBeGreaterThan(0);
    expect(lines).toEqual([expect.stringMatching(/^VACUUM \(ANALYZE\) after the migrations: done in/)]);
    await client.end();
    await db.$disconnect();
  });

  it("only logs when the database cannot be reached", async () => {
    const lines: string[] = [];
    await vacuumAfterMigrations("postgresql://nobody:x@127.0.0.1:1/none", (line) => lines.push(line));
    expect(lines).toEqual([expect.stringMatching(/^VACUUM \(ANALYZE\) after the migrations stopped: /)]);
  });
});
