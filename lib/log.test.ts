// Secrets never reach a log line, whatever object they ride in on; the per-event lines are
// buffered but still reach standard output.
import { spawn } from "node:child_process";
import { Writable } from "node:stream";
import pino from "pino";
import { describe, expect, it } from "vitest";
import { logOptions } from "@/lib/log";
import { generateMerchantKeys } from "@/lib/wechatpay/keys";

function capture() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { logger: pino({ ...logOptions, level: "info" }, stream), lines };
}

describe("log redaction", () => {
  it("censors keys, passwords, tokens and authorization headers at any of three depths", () => {
    const { logger, lines } = capture();
    const pem = generateMerchantKeys().privateKey.export({ type: "pkcs8", format: "pem" }).toString();
    const pemBody = pem.split("\n")[1]; // a line of the key itself
    logger.info(
      {
        ukey: "UKEY-TOP-SECRET",
        vendor: { unionId: "100000", signingKey: "SIGNING-KEY-SECRET" },
        user: { username: "admin", passwordHash: "$argon2id$HASH", password: "PLAIN-PASSWORD" },
        env: { AUTH_SECRET: "AUTH-SECRET-VALUE", METRICS_TOKEN: "METRICS-TOKEN-VALUE", DATABASE_URL: "postgresql://u:DBPASS@h/db" },
        config: { wechat: { merchantPrivateKey: pem }, WECHATPAY_MERCHANT_PRIVATE_KEY: pem },
        req: { headers: { authorization: "Bearer HEADER-TOKEN", cookie: "next-auth.session-token=COOKIE" } },
      },
      "event",
    );
    const line = lines.join("");
    for (const secret of ["UKEY-TOP", "SIGNING-KEY", "HASH", "PLAIN-PASSWORD", "AUTH-SECRET", "METRICS-TOKEN", "DBPASS", pemBody, "PRIVATE KEY", "HEADER-TOKEN", "COOKIE"]) {
      expect(line).not.toContain(secret);
    }
    const parsed = JSON.parse(line);
    expect(parsed.vendor).toEqual({ unionId: "100000", signingKey: "[redacted]" });
    expect(parsed.user.username).toBe("admin");
    expect(parsed.req.headers.authorization).toBe("[redacted]");
  });
});

describe("the buffered per-event lines", () => {
  // A real process: the buffer, its one-second flush and the flush on exit are what is tested.
  const run = (script: string) => {
    const child = spawn(process.execPath, ["--import", "tsx", "-e", script], { env: { ...process.env, NODE_ENV: "production", LOG_LEVEL: "info" } });
    let out = "";
    child.stdout.on("data", (chunk) => (out += chunk));
    return { child, out: () => out, exited: new Promise((resolve) => child.once("exit", resolve)) };
  };

  it("reach standard output within about a second while the process runs, and on exit", async () => {
    const { child, out, exited } = run(`
      const { scalarLog } = await import("./lib/log.ts");
      scalarLog.info({ n: 1 }, "first line");
      setTimeout(() => { scalarLog.info({ n: 2 }, "last line"); process.exit(0); }, 3000);`);
    const deadline = Date.now() + 2500;
    while (!out().includes("first line") && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(out()).toContain("first line"); // flushed by the timer, long before 4 KiB
    expect(out()).not.toContain("last line");
    await exited;
    expect(out()).toContain("last line"); // flushed on exit
    child.kill();
  }, 15_000);
});
