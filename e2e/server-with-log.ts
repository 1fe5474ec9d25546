// The e2e web server with its stdout and stderr also appended to E2E_SERVER_LOG, so the secrets
// audit can read every line the server printed. Playwright signals the whole process
// group on shutdown: the server gets SIGTERM itself; this wrapper only waits for it to finish.
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const logPath = process.env.E2E_SERVER_LOG;
if (!logPath) throw new Error("E2E_SERVER_LOG is not set; run through `npx playwright test`.");
fs.mkdirSync(path.dirname(logPath), { recursive: true });
const logFile = fs.createWriteStream(logPath, { flags: "a" });

const server = spawn(path.join("node_modules", ".bin", "tsx"), ["scripts/start.ts"], { stdio: ["ignore", "pipe", "pipe"] });
server.stdout.on("data", (chunk: Buffer) => {
  process.stdout.write(chunk);
  logFile.write(chunk);
});
server.stderr.on("data", (chunk: Buffer) => {
  process.stderr.write(chunk);
  logFile.write(chunk);
});
for (const signal of ["SIGTERM", "SIGINT"] as const) process.on(signal, () => {});
server.on("close", (code, signal) => {
  logFile.end(() => process.exit(code ?? (signal ? 1 : 0)));
});
