// Every environment variable the app reads, validated once, with messages that say what to set.
import path from "node:path";
import { z } from "zod";
import { parseAllowlist } from "@/lib/http/allowlist";
import { MAX_TIMEOUT_MS } from "@/lib/wechatpay/client";
import { DEFAULT_RATE_LIMITED_DELAY, DEFAULT_RETRY_DELAYS, parseDelays, parseDuration } from "@/lib/sync/retry-policy";

const optionalText = z
  .string()
  .optional()
  .transform((value) => (value?.trim() ? value.trim() : undefined));

const duration = z.string().transform((value, ctx) => {
  try {
    return parseDuration(value);
  } catch (error) {
    ctx.addIssue({ code: "custom", message: (error as Error).message });
    return z.NEVER;
  }
});
const durations = z.string().transform((value, ctx) => {
  try {
    return parseDelays(value);
  } catch (error) {
    ctx.addIssue({ code: "custom", message: `${(error as Error).message} (e.g. 0s,5s,5m,30m,2h)` });
    return z.NEVER;
  }
});

const httpUrl = (what: string) =>
  z
    .string()
    .regex(/^https?:\/\/[^\s]+$/, `must be ${what}`)
    .optional();

const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: optionalText.pipe(
    z.string().regex(/^postgres(ql)?:\/\//, "must be a postgresql:// URL").optional(),
  ),
  // turbopackIgnore: the data directory is runtime state (the embedded database), never a build input;
  // traced, `next build` read every database file into memory (OOM at tens of GB).
  DATA_DIR: optionalText.transform((value) => path.resolve(/* turbopackIgnore: true */ value ?? ".data")),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  /** Listen address; unset = every interface. 127.0.0.1 when nginx runs on the same host. */
  HOST: optionalText.pipe(z.string().regex(/^[0-9a-fA-F.:]+$|^localhost$/, "must be an IP address such as 127.0.0.1 (or localhost)").optional()),
  PUBLIC_URL: optionalText.pipe(z.url("must be a URL such as https://console.example.com").optional()),
  AUTH_SECRET: optionalText.pipe(z.string().min(32, "must be at least 32 characters").optional()),
  ADMIN_USERNAME: optionalText.transform((value) => value ?? "admin"),
  ADMIN_PASSWORD: optionalText.pipe(z.string().min(10, "must be at least 10 characters").optional()),
  BOLINK_UNION_ID: optionalText.pipe(z.string().regex(/^\d{1,18}$/, "must be Bolink's numeric union_id").optional()),
  BOLINK_UKEY: optionalText.pipe(z.string().min(8, "looks too short for a Bolink ukey").optional()),
  BOLINK_VENDOR_NAME: optionalText,
  TRUSTED_PROXY_COUNT: z.coerce.number().int().min(0).max(10).default(0),
  REJECTED_CALLBACKS_LIMIT: z.coerce.number().int().min(100).default(10_000),
  /** Only these sources (CIDR list, IPv4 and IPv6) may POST the Bolink callback; unset = any. */
  BOLINK_ALLOWED_IPS: optionalText.transform((value, ctx) => {
    if (value === undefined) return undefined;
    try {
      return parseAllowlist(value);
    } catch (error) {
      ctx.addIssue({ code: "custom", message: (error as Error).message });
      return z.NEVER;
    }
  }),
  /** Invalid callbacks logged per source address and minute (also the burst); beyond it they are answered 429 and not logged. 0 = no limit. */
  BOLINK_INVALID_PER_MINUTE: z.coerce.number().int().min(0).default(60),
  SYNC_RETRY_DELAYS: optionalText.transform((value) => value ?? DEFAULT_RETRY_DELAYS).pipe(durations),
  SYNC_RATE_LIMITED_DELAY: optionalText.transform((value) => value ?? DEFAULT_RATE_LIMITED_DELAY).pipe(duration),
  SYNC_CONCURRENCY: z.coerce.number().int().min(1).max(256).default(8),
  SYNC_RATE_LIMIT: z.coerce.number().min(0.1).max(10_000).default(50),
  SYNC_WORKER: z.enum(["on", "off"]).default("on"),
  /** How long a claimed sync stays with its worker: a crashed worker's claims come back after this. */
  SYNC_LEASE: optionalText.transform((value) => value ?? "60s").pipe(duration),
  WECHATPAY_TIMEOUT: optionalText
    .transform((value) => value ?? "10s")
    .pipe(duration)
    .pipe(z.number().min(100, "must be at least 100ms").max(MAX_TIMEOUT_MS, `must be at most ${MAX_TIMEOUT_MS / 1000}s`)),
  /** Bearer token for GET /api/metrics; unset = the endpoint answers 404. */
  METRICS_TOKEN: optionalText.pipe(z.string().min(16, "must be at least 16 characters (e.g. openssl rand -hex 32)").optional()),
  /** Standalone worker (npm run worker) only: serve its metrics on this port; unset = none. */
  WORKER_METRICS_PORT: optionalText
    .transform((value) => (value === undefined ? undefined : Number(value)))
    .pipe(z.number("must be a port number").int().min(1).max(65535).optional()),
  /** Port of the in-process WeChat Pay simulator (no WECHATPAY_*): 0 = any free port. */
  WECHATPAY_SIM_PORT: z.coerce.number().int().min(0).max(65535).default(0),
  /** Alert loop on this instance (rule evaluation and sending); the database makes each alert go out once. */
  ALERTS: z.enum(["on", "off"]).default("on"),
  ALERT_WECOM_WEBHOOK: optionalText.pipe(httpUrl("the WeCom group robot's webhook URL (https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=…)")),
  ALERT_DINGTALK_WEBHOOK: optionalText.pipe(httpUrl("the DingTalk robot's webhook URL (https://oapi.dingtalk.com/robot/send?access_token=…)")),
  ALERT_DINGTALK_SECRET: optionalText,
  ALERT_WEBHOOK_URL: optionalText.pipe(httpUrl("an http(s) URL that accepts a JSON POST")),
  ALERT_WEBHOOK_SECRET: optionalText.pipe(z.string().min(16, "must be at least 16 characters (e.g. openssl rand -hex 32)").optional()),
  ALERT_SMTP_URL: optionalText.pipe(
    z.string().regex(/^smtps?:\/\/[^\s]+$/, "must be an smtp:// or smtps:// URL, e.g. smtps://user:password@smtp.example.com:465").optional(),
  ),
  ALERT_EMAIL_TO: optionalText.transform((value, ctx) => {
    if (value === undefined) return undefined;
    const addresses = value.split(/[,;\s]+/).filter(Boolean);
    const bad = addresses.filter((address) => !z.email().safeParse(address).success);
    if (bad.length || !addresses.length) {
      ctx.addIssue({ code: "custom", message: `must be email addresses separated by commas${bad.length ? ` (not an address: ${bad.join(", ")})` : ""}` });
      return z.NEVER;
    }
    return addresses;
  }),
  ALERT_EMAIL_FROM: optionalText,
});

export type Env = z.infer<typeof envSchema>;

export class EnvError extends Error {}

export function parseEnv(source: Record<string, string | undefined> = process.env): Env {
  const result = envSchema.safeParse(source);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
    throw new EnvError(`Invalid configuration (see .env.example):\n${lines.join("\n")}`);
  }
  const env = result.data;
  if (env.BOLINK_UNION_ID && !env.BOLINK_UKEY) throw new EnvError("BOLINK_UNION_ID is set: also set BOLINK_UKEY.");
  if (env.BOLINK_UKEY && !env.BOLINK_UNION_ID) throw new EnvError("BOLINK_UKEY is set: also set BOLINK_UNION_ID.");
  // A push may take two timeouts (main host, then the backup); the lease must outlast both, or a
  // second worker would claim a sync whose call is still in flight.
  const minLease = 2 * env.WECHATPAY_TIMEOUT + 5_000;
  if (env.SYNC_LEASE < minLease) {
    throw new EnvError(`SYNC_LEASE must be at least twice WECHATPAY_TIMEOUT plus 5s (${minLease / 1000}s with these settings).`);
  }
  if (env.WORKER_METRICS_PORT && !env.METRICS_TOKEN) throw new EnvError("WORKER_METRICS_PORT is set: also set METRICS_TOKEN.");
  const pairs: [keyof Env, keyof Env][] = [
    ["ALERT_DINGTALK_SECRET", "ALERT_DINGTALK_WEBHOOK"],
    ["ALERT_WEBHOOK_URL", "ALERT_WEBHOOK_SECRET"],
    ["ALERT_WEBHOOK_SECRET", "ALERT_WEBHOOK_URL"],
    ["ALERT_SMTP_URL", "ALERT_EMAIL_TO"],
    ["ALERT_EMAIL_TO", "ALERT_SMTP_URL"],
  ];
  for (const [set, needed] of pairs) {
    if (env[set] !== undefined && env[needed] === undefined) throw new EnvError(`${set} is set: also set ${needed}.`);
  }
  return env;
}

let cached: Env | undefined;
export function env(): Env {
  cached ??= parseEnv();
  return cached;
}
