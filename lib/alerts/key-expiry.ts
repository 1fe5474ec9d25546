// The WeChat Pay certificates the key_expiry rule watches: every trusted one with a date within
// the largest threshold an admin can set, except those another trusted key already replaces.
import { expiringWechatKeys } from "@/lib/wechatpay/key-expiry";

export type KeyExpiry = { name: string; serial: string; expiresAt: Date };

const MAX_THRESHOLD_DAYS = 366;

export function configuredKeyExpiries(env: Record<string, string | undefined> = process.env): KeyExpiry[] {
  return expiringWechatKeys({ env, withinDays: MAX_THRESHOLD_DAYS })
    .filter((key) => !key.replaced)
    .map((key) => ({ name: "WeChat Pay platform certificate", serial: key.serial, expiresAt: key.validTo }));
}
