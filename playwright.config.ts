// End-to-end tests: a production build on a fresh embedded database, driven by Debian's Chromium.
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { defineConfig, devices } from "@playwright/test";

// E2E_PORT moves the app (and the simulator, one port up) so two checkouts can run e2e side by side.
export const E2E_PORT = Number(process.env.E2E_PORT ?? 3100);
const E2E_SIM_PORT = E2E_PORT + 1;
/** The in-process WeChat Pay simulator, so tests can reach its /__sim/ control API. */
export const E2E_SIM_URL = `http://127.0.0.1:${E2E_SIM_PORT}`;
export const E2E_ADMIN = { username: "e2e-admin", password: "e2e-admin-password" };
export const E2E_METRICS_TOKEN = "e2e-metrics-token-0123456789";

// A fresh database per run. Chosen once in the runner (which also clears earlier runs' data);
// workers inherit the variable, so they all agree on the server's data directory.
if (!process.env.E2E_DATA_DIR) {
  const root = path.resolve(".data", "e2e");
  fs.rmSync(root, { recursive: true, force: true });
  process.env.E2E_DATA_DIR = path.join(root, randomBytes(4).toString("hex"));
}

/** Everything the e2e server printed (stdout and stderr), for the secrets audit. */
export const E2E_SERVER_LOG = path.join(process.env.E2E_DATA_DIR, "server.log");

const chromium = {
  ...devices["Desktop Chrome"],
  viewport: { width: 1280, height: 800 },
  launchOptions: {
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  },
};

export default defineConfig({
  testDir: "e2e",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  // Generous budgets: a 2-core CI box building and serving the app is slow, and a timeout here
  // reports load, not a defect. Assertions still fail on wrong behaviour.
  timeout: 90_000,
  expect: { timeout: 15_000 },
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  use: { baseURL: `http://127.0.0.1:${E2E_PORT}`, locale: "zh-CN", timezoneId: "Asia/Shanghai", trace: "retain-on-failure" },
  projects: [
    { name: "setup", testMatch: /auth\.setup\.ts/, use: chromium },
    {
      name: "chromium",
      testMatch: /.*\.spec\.ts/,
      dependencies: ["setup"],
      use: { ...chromium, storageState: "e2e/.auth/admin.json" },
    },
    // Last: searches every page, API answer and server log line the run produced for secrets.
    {
      name: "secrets",
      testMatch: /.*\.audit\.ts/,
      dependencies: ["chromium"],
      use: { ...chromium, storageState: "e2e/.auth/admin.json" },
    },
  ],
  webServer: {
    // scripts/start.ts, with its output also kept in E2E_DATA_DIR/server.log for the secrets audit.
    command: "npx tsx e2e/server-with-log.ts",
    url: `http://127.0.0.1:${E2E_PORT}/api/health`,
    timeout: 10 * 60_000, // the first run includes `next build`
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
    gracefulShutdown: { signal: "SIGTERM", timeout: 15_000 },
    env: {
      E2E_SERVER_LOG,
      PORT: String(E2E_PORT),
      DATA_DIR: process.env.E2E_DATA_DIR,
      DATABASE_URL: "",
      AUTH_SECRET: "",
      ADMIN_USERNAME: E2E_ADMIN.username,
      ADMIN_PASSWORD: E2E_ADMIN.password,
      BOLINK_UNION_ID: "100000",
      BOLINK_UKEY: "A1B2C3D4E5F60718",
      WECHATPAY_SIM_PORT: String(E2E_SIM_PORT),
      SYNC_RETRY_DELAYS: "0s,1s,2s",
      METRICS_TOKEN: E2E_METRICS_TOKEN,
    },
  },
});
