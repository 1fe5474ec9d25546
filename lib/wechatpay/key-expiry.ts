// Which trusted WeChat Pay certificates expire soon. WeChat starts signing with a renewed
// certificate days before the old one expires; a console that trusts only the old one then sees
// every answer as "unknown serial". The dashboard banner and the alert rule both read this.
import { parseWechatPayConfig, type TrustedKey } from "@/lib/wechatpay/config";

export const KEY_EXPIRY_WARNING_DAYS = 30;

export type ExpiringKey = {
  serial: string;
  validTo: Date;
  /** Whole days left, rounded down (0 = expires within a day). */
  daysLeft: number;
  /** Another trusted key stays valid past the window: the rotation is already done. */
  replaced: boolean;
};

const DAY_MS = 86_400_000;

/** Certificates among `keys` that expire within `withinDays` of `now`, soonest first. */
export function expiringKeys(keys: readonly TrustedKey[], now = new Date(), withinDays = KEY_EXPIRY_WARNING_DAYS): ExpiringKey[] {
  const horizon = now.getTime() + withinDays * DAY_MS;
  const outlives = (key: TrustedKey) => key.validTo === null || key.validTo.getTime() > horizon;
  return keys
    .filter((key): key is TrustedKey & { validTo: Date } => key.validTo !== null && key.validTo.getTime() <= horizon)
    .sort((a, b) => a.validTo.getTime() - b.validTo.getTime())
    .map((key) => ({
      serial: key.serial,
      validTo: key.validTo,
      daysLeft: Math.max(0, Math.floor((key.validTo.getTime() - now.getTime()) / DAY_MS)),
      replaced: keys.some((other) => other !== key && outlives(other)),
    }));
}

let cached: { env: string; keys: readonly TrustedKey[] } | null = null;

/**
 * The configured keys (WECHATPAY_*) that expire within the window; [] in simulator mode or when
 * the configuration does not parse (startup refuses that with its own message). Parsed once per
 * distinct configuration, so calling it on every page view costs nothing.
 */
export function expiringWechatKeys(options: { now?: Date; withinDays?: number; env?: Record<string, string | undefined> } = {}): ExpiringKey[] {
  const env = options.env ?? process.env;
  const fingerprint = JSON.stringify(Object.entries(env).filter(([name]) => name.startsWith("WECHATPAY_")).sort());
  if (cached?.env !== fingerprint) {
    let keys: readonly TrustedKey[] = [];
    try {
      const config = parseWechatPayConfig(env);
      if (config.mode === "live") keys = config.trustedKeys;
    } catch {
      keys = [];
    }
    cached = { env: fingerprint, keys };
  }
  return expiringKeys(cached.keys, options.now, options.withinDays);
}
