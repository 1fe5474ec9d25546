// The app's connections run without parallel query (lib/db/client.ts); other clients of the same
// database keep PostgreSQL's default.
import pg from "pg";
import { describe, expect, it } from "vitest";
import { createPrismaClient, sqlOf } from "@/lib/db/client";
import { createEmptyDatabase } from "./helpers/database";

const SHOW = "SHOW max_parallel_workers_per_gather";

describe("createPrismaClient", () => {
  it("turns parallel query off on every connection it opens, and only on its own", async () => {
    const url = await createEmptyDatabase();
    const db = createPrismaClient(url, { max: 3 });
    // Three transactions at once hold three connections: each must have the setting.
    const seen = await Promise.all(
      [0, 1, 2].map(() => db.$transaction(async (tx) => ((await tx.$queryRawUnsafe(SHOW)) as { max_parallel_workers_per_gather: string }[])[0].max_parallel_workers_per_gather)),
    );
    expect(seen).toEqual(["0", "0", "0"]);
    expect((await sqlOf(db).query(SHOW)).rows[0].max_parallel_workers_per_gather).toBe("0");

    const other = new pg.Client({ connectionString: url });
    await other.connect();
    expect(Number((await other.query(SHOW)).rows[0].max_parallel_workers_per_gather)).toBeGreaterThan(0);
    await other.end();
    await db.$disconnect();
  });
});
