// npm start (and npm run dev with --dev): database, migrations, first-start accounts, then the
// dashboard and callback endpoint on one HTTP server. Ctrl-C stops the app first, the database last.
import fs from "node:fs";
import http from "node:http";
import next from "next";
import { createPrismaClient } from "../lib/db/client";
import { startEmbeddedPostgres, type EmbeddedDatabase } from "../lib/db/embedded";
import { migrate } from "../lib/db/migrate";
import { vacuumAfterMigrations } from "../lib/db/vacuum-after-migrations";
import { parseEnv } from "../lib/env";
import { bootstrapAdmin, resolveAuthSecret, upsertVendorFromEnv, warnAboutWeakVendorKeys } from "../lib/server/bootstrap";
import { buildIsStale, runBuild } from "../lib/server/build";
import { normalizeForwardedHeaders } from "../lib/server/forwarded-headers";
import { answerHeaders, strictTransportSecurity } from "../lib/http/security-headers";
import { startSyncRuntime, type SyncRuntime } from "../lib/sync/runtime";
import { startAlertRuntime, type AlertRuntime } from "../lib/alerts/runtime";

const dev = process.argv.includes("--dev");
const DRAIN_MS = 10_000;
(process.env as Record<string, string>).NODE_ENV ??= dev ? "development" : "production";

async function main() {
  if (fs.existsSync(".env")) process.loadEnvFile(".env"); // variables already set win
  const env = parseEnv();
  let embedded: EmbeddedDatabase | undefined;
  if (!env.DATABASE_URL) {
    embedded = await startEmbeddedPostgres({ dataDir: env.DATA_DIR, log: (line) => console.log(line) });
  }
  const databaseUrl = env.DATABASE_URL ?? embedded!.url;
  let sync: SyncRuntime | undefined;
  let alerts: AlertRuntime | undefined;
  const stopDatabase = async () => {
    await alerts?.stop();
    await sync?.stop();
    await embedded?.stop();
  };
  try {
    process.env.AUTH_SECRET = resolveAuthSecret(env, !!embedded);
    const applied = await migrate(databaseUrl);
    if (applied.length) {
      console.log(`Applied migrations: ${applied.join(", ")}`);
      void vacuumAfterMigrations(databaseUrl, (line) => console.log(line));
    }
    const db = createPrismaClient(databaseUrl, { max: 2 });
    const admin = await bootstrapAdmin(db, env);
    const vendor = await upsertVendorFromEnv(db, env);
    await warnAboutWeakVendorKeys(db);
    await db.$disconnect();

    // Before serving: a WeChat Pay misconfiguration stops startup here, with its message.
    const workerDb = createPrismaClient(databaseUrl, { max: env.SYNC_CONCURRENCY + 2 });
    sync = await startSyncRuntime(workerDb, databaseUrl, env, { worker: env.SYNC_WORKER === "on" });
    process.env.WECHATPAY_MODE = sync.mode; // the dashboard shows it on every page
    // Its own small pool: alert sending never competes with intake or the sync worker for connections.
    if (env.ALERTS === "on") alerts = startAlertRuntime({ db: createPrismaClient(databaseUrl, { max: 2 }), databaseUrl, env });

    process.env.DATABASE_URL = databaseUrl;
    process.env.AUTH_TRUST_HOST = "true"; // next-auth takes its origin from the (normalised) Host
    if (!dev && buildIsStale()) {
      console.log("Building the production bundle (first start or sources changed) …");
      runBuild();
    }

    const app = next({ dev, dir: process.cwd(), hostname: env.HOST ?? "0.0.0.0", port: env.PORT });
    await app.prepare();
    const handle = app.getRequestHandler();
    const headersFor = answerHeaders(strictTransportSecurity(env.PUBLIC_URL));
    let inFlight = 0;
    const server = http.createServer((req, res) => {
      inFlight++;
      res.once("close", () => inFlight--);
      normalizeForwardedHeaders(req, env.TRUSTED_PROXY_COUNT);
      for (const [name, value] of headersFor(req.url ?? "/")) res.setHeader(name, value);
      void handle(req, res);
    });
    // Unset HOST: every interface (IPv4 and IPv6), as `npm start` always did; behind nginx on the same host, HOST=127.0.0.1.
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      if (env.HOST) server.listen(env.PORT, env.HOST, resolve);
      else server.listen(env.PORT, resolve);
    });

    const base = env.PUBLIC_URL ?? `http://localhost:${env.PORT}`;
    console.log(
      [
        "",
        `Parking payment-sync console is up (${dev ? "development" : "production"}).`,
        `  Dashboard:         ${base}/${env.HOST ? `   (listening on ${env.HOST}:${env.PORT})` : ""}`,
        `  Bolink notify_url: ${base}/api/callbacks/bolink${vendor ? `   (vendor union_id ${vendor})` : ""}`,
        `  Database:          ${embedded ? `embedded PostgreSQL in ${env.DATA_DIR}` : "DATABASE_URL"}`,
        `  WeChat Pay:        ${sync.mode === "live" ? `live, ${sync.target}` : `local simulator at ${sync.target} (set WECHATPAY_* for live)`}` +
          (sync.worker ? "" : "  [worker off: SYNC_WORKER=off]"),
        admin?.generatedPassword
          ? `  Sign in as "${admin.username}" with password: ${admin.generatedPassword}\n` +
            "  (generated now and shown only this once — change it under 用户 Users)"
          : admin
            ? `  Sign in as "${admin.username}" with ADMIN_PASSWORD.`
            : "  Sign in with an existing account.",
        "",
      ].join("\n"),
    );

    // Order matters: no new requests; in-flight callbacks finish (a booking is never cut off
    // mid-answer); then the worker stops claiming, finishes pushes on the wire and releases its
    // other claims for the remaining instances; the embedded database goes last.
    let stopping = false;
    const shutdown = async (signal: string) => {
      if (stopping) return;
      stopping = true;
      console.log(`${signal}: finishing ${inFlight} in-flight request(s), then stopping …`);
      const closed = new Promise((resolve) => server.close(resolve));
      // Keep-alive connections (nginx upstreams) go as soon as their current request is answered.
      const reaper = setInterval(() => server.closeIdleConnections(), 200);
      server.closeIdleConnections();
      await Promise.race([closed, new Promise((resolve) => setTimeout(resolve, DRAIN_MS))]);
      clearInterval(reaper);
      if (inFlight) console.log(`${inFlight} request(s) still running after ${DRAIN_MS / 1000} s: closing them.`);
      server.closeAllConnections();
      await app.close?.();
      console.log("Stopping the sync worker (in-flight pushes finish, other claims are released) …");
      await stopDatabase();
      process.exit(0);
    };
    process.on("SIGINT", () => void shutdown("SIGINT"));
    process.on("SIGTERM", () => void shutdown("SIGTERM"));
  } catch (error) {
    await stopDatabase();
    throw error;
  }
}

main().catch((error: Error) => {
  console.error(`\nStartup failed: ${error.message}`);
  process.exit(1);
});
