import pg from "pg";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createEmptyDatabase } from "@/tests/helpers/database";
import { listen } from "@/lib/sync/listener";

let url: string;
let admin: pg.Client;

beforeAll(async () => {
  url = await createEmptyDatabase();
  admin = new pg.Client({ connectionString: url });
  await admin.connect();
});

afterAll(async () => {
  await admin.end();
});

const until = async (check: () => boolean) => {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((resolve) => setTimeout(resolve, 50));
  expect(check()).toBe(true);
};

const listening = async () =>
  Number((await admin.query("SELECT count(*) AS n FROM pg_stat_activity WHERE query ILIKE 'LISTEN%' AND datname = current_database()")).rows[0].n);

it("wakes on NOTIFY, and again after its connection was killed and came back", async () => {
  let wakes = 0;
  const listener = listen({ databaseUrl: url, channel: "test_channel", onWake: () => wakes++, worker: "test" });
  try {
    await until(() => wakes === 1); // once on connect
    await admin.query("NOTIFY test_channel, '1'");
    await until(() => wakes === 2);

    await admin.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE query ILIKE 'LISTEN%' AND datname = current_database()");
    await until(() => wakes === 3); // reconnected: one wake for what it may have missed
    await admin.query("NOTIFY test_channel, '2'");
    await until(() => wakes === 4);
  } finally {
    await listener.close();
  }
  await admin.query("NOTIFY test_channel, '3'");
  await new Promise((resolve) => setTimeout(resolve, 300));
  expect(wakes).toBe(4);
  expect(await listening()).toBe(0);
});
