import type { Messages } from "@/lib/i18n/messages/zh-CN";

/**
 * A WeChat answer's signature check (stored as lib/wechatpay/signing.ts words it, for logs) in the
 * reader's language. The stored text leads with a fixed phrase per outcome; details stay in logs.
 */
export function signatureText(t: Pick<Messages["sync"], "signatureChecks">, check: string | null): string {
  const c = t.signatureChecks;
  if (!check) return "—";
  if (check === "verified") return c.verified;
  if (check === "signature mismatch") return c.mismatch;
  if (check === "stale timestamp") return c.stale;
  if (check.startsWith("missing ")) return c.missing;
  if (check.startsWith("unknown serial")) return c.unknownSerial;
  return c.other;
}
