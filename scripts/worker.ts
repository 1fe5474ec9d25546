// npm run worker — the WeChat sync worker on its own, for deployments that run it apart from the
// web instances (set SYNC_WORKER=off there). Needs DATABASE_URL: the embedded database belongs to
// `npm start`. Any number may run against one database; each sync is claimed by one.
import fs from "node:fs";
import { createPrismaClient } from "../lib/db/client";
import { migrate } from "../lib/db/migrate";
import { parseEnv } from "../lib/env";
import { serveMetrics } from "../lib/metrics/serve";
import { startSyncRuntime } from "../lib/sync/runtime";
import { startAlertRuntime } from "../lib/alerts/runtime";

if (fs.existsSync(".env")) process.loadEnvFile(".env");

async function main() {
  const env = parseEnv();
  if (!env.DATABASE_URL) throw new Error("DATABASE_URL is not set. The standalone worker needs the same database as the app.");
  await migrate(env.DATABASE_URL);
  const db = createPrismaClient(env.DATABASE_URL, { max: env.SYNC_CONCURRENCY + 2 });
  const runtime = await startSyncRuntime(db, env.DATABASE_URL, env, { worker: true });
  console.log(`WeChat sync worker ${runtime.worker!.id} running; WeChat Pay: ${runtime.mode} (${runtime.target}).`);
  if (runtime.mode === "simulator") console.log("No WECHATPAY_* configured: pushing to a private in-process simulator.");
  const alerts = env.ALERTS === "on" ? startAlertRuntime({ db: createPrismaClient(env.DATABASE_URL, { max: 2 }), databaseUrl: env.DATABASE_URL, env }) : undefined;
  const metricsServer =
    env.WORKER_METRICS_PORT && env.METRICS_TOKEN ? await serveMetrics(db, { port: env.WORKER_METRICS_PORT, token: env.METRICS_TOKEN }) : undefined;
  if (metricsServer) console.log(`Metrics: http://0.0.0.0:${env.WORKER_METRICS_PORT}/metrics (Authorization: Bearer $METRICS_TOKEN).`);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    // stop() finishes pushes on the wire and releases every other claim for the remaining workers.
    console.log(`${signal}: finishing in-flight syncs and releasing claims …`);
    await alerts?.stop();
    await runtime.stop();
    metricsServer?.close();
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
