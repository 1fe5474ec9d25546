// Structured JSON logs (one line per event) for operators' log shippers.
import pino from "pino";

export const log = pino({
  level: process.env.LOG_LEVEL ?? (process.env.NODE_ENV === "test" ? "silent" : "info"),
  base: { app: "parking-sync-console" },
  redact: { paths: ["*.signingKey", "*.password", "*.passwordHash", "*.ukey"], censor: "[redacted]" },
});
