// npm run worker — the WeChat sync worker on its own, for deployments that run it apart from the
// web instances (set SYNC_WORKER=off there). Needs DATABASE_URL: the embedded database belongs to
// `npm start`. Any number may run against one database; each sync is claimed by one.
import fs from "node:fs";
import { createPrismaClient } from "../lib/db/client";
import { migrate } from "../lib/db/migrate";
import { parseEnv } from "../lib/env";
import { startSyncRuntime } from "../lib/sync/runtime";

if (fs.existsSync(".env")) process.loadEnvFile(".env");

async function main() {
  const env = parseEnv();
  if (!env.DATABASE_URL) throw new Error("DATABASE_URL is not set. The standalone worker needs the same database as the app.");
  await migrate(env.DATABASE_URL);
  const db = createPrismaClient(env.DATABASE_URL, { max: env.SYNC_CONCURRENCY + 2 });
  const runtime = await startSyncRuntime(db, env.DATABASE_URL, env, { worker: true });
  console.log(`WeChat sync worker ${runtime.worker!.id} running; WeChat Pay: ${runtime.mode} (${runtime.target}).`);
  if (runtime.mode === "simulator") console.log("No WECHATPAY_* configured: pushing to a private in-process simulator.");
  const stop = async (signal: string) => {
    console.log(`${signal}: finishing in-flight syncs …`);
    await runtime.stop();
    await db.$disconnect();
    process.exit(0);
  };
  process.on("SIGINT", () => void stop("SIGINT"));
  process.on("SIGTERM", () => void stop("SIGTERM"));
}

main().catch((error: Error) => {
  console.error(`Worker failed to start: ${error.message}`);
  process.exit(1);
});
