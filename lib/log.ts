// Structured JSON logs (one line per event) for operators' log shippers. Secrets are censored by
// key name wherever they sit (top level or up to two objects deep), so a careless
// `log.info({ vendor })` or `log.info({ env })` cannot leak a key.
import pino, { type LoggerOptions } from "pino";

const SECRET_KEYS = [
  "signingKey",
  "ukey",
  "password",
  "passwordHash",
  "privateKey",
  "merchantPrivateKey",
  "secret",
  "token",
  "authorization",
  "Authorization",
  "cookie",
  "AUTH_SECRET",
  "METRICS_TOKEN",
  "ADMIN_PASSWORD",
  "BOLINK_UKEY",
  "WECHATPAY_MERCHANT_PRIVATE_KEY",
  "DATABASE_URL",
];

export const logOptions: LoggerOptions = {
  level: process.env.LOG_LEVEL ?? (process.env.NODE_ENV === "test" ? "silent" : "info"),
  base: { app: "parking-sync-console" },
  redact: { paths: SECRET_KEYS.flatMap((key) => [key, `*.${key}`, `*.*.${key}`]), censor: "[redacted]" },
};

export const log = pino(logOptions);

/**
 * Standard output for the one-per-callback and one-per-push lines, buffered: written in 4 KiB
 * batches, at least every second and on exit (pino flushes it then), not one write(2) per line —
 * the write was ~0.2 ms of a callback's CPU here (bench/intake: ours against the baseline's handler
 * through Next). A kill -9 can lose the last second of these lines; the database keeps every
 * callback and push regardless. One per process: Next.js may load this module more than once.
 */
function bufferedStdout() {
  const shared = globalThis as unknown as { [key: symbol]: pino.DestinationStream | undefined };
  const key = Symbol.for("parking-sync-console.buffered-stdout");
  if (!shared[key]) {
    const destination = pino.destination({ dest: 1, sync: false, minLength: 4096 });
    setInterval(() => {
      try {
        destination.flush();
      } catch {
        // Not ready yet, or a write in flight: the next tick flushes.
      }
    }, 1000).unref();
    shared[key] = destination;
  }
  return shared[key];
}

/**
 * For lines whose every field is a known scalar we produced or validated (the callback's and the
 * sync worker's one line per event): the same output without the redaction pass, which walks 51
 * paths per line and was most of the line's cost, and buffered. Never pass it objects that could
 * carry a secret.
 */
export const scalarLog = pino({ ...logOptions, redact: undefined }, bufferedStdout());
