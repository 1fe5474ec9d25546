// Secrets never reach a log line, whatever object they ride in on.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
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

describe("log destination", () => {
  it("has every line on stdout as soon as the call returns, so a killed process loses none", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "log-"));
    const file = path.join(dir, "out.log");
    const out = fs.openSync(file, "w");
    const script = `import { log } from ${JSON.stringify(path.resolve("lib/log.ts"))};
      for (let i = 0; i < 200; i++) log.info({ i }, "line");
      process.kill(process.pid, "SIGKILL");`;
    const child = spawnSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], { stdio: ["ignore", out, "pipe"], env: { ...process.env, LOG_LEVEL: "info" } });
    fs.closeSync(out);
    expect(child.signal).toBe("SIGKILL");
    const lines = fs.readFileSync(file, "utf8").trim().split("\n").map((line) => JSON.parse(line) as { i: number });
    expect(lines.map((line) => line.i)).toEqual(Array.from({ length: 200 }, (_, i) => i));
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
