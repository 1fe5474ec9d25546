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

/**
 * Every logger writes through this one destination: each line is one write(2) on the calling
 * thread, on stdout before the call returns. pino's default destination writes asynchronously on
 * libuv's thread pool: a hand-off between threads for every line (strace of a callback: two more
 * writes and about four more futex calls), and lines still queued are lost when the process is
 * killed.
 */
const stdout = pino.destination({ dest: 1, sync: true });

export const log = pino(logOptions, stdout);

/**
 * For lines whose every field is a known scalar we produced or validated (the callback's one line
 * per request): the same output without the redaction pass, which walks 51 paths per line and
 * was most of the line's cost. Never pass it objects that could carry a secret.
 */
export const scalarLog = pino({ ...logOptions, redact: undefined }, stdout);
