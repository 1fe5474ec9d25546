import { describe, expect, it } from "vitest";
import type { TrustedKey } from "@/lib/wechatpay/config";
import { expiringKeys, expiringWechatKeys } from "@/lib/wechatpay/key-expiry";

const now = new Date("2026-11-28T00:00:00Z");
const days = (n: number) => new Date(now.getTime() + n * 86_400_000);
const certificate = (serial: string, validTo: Date): TrustedKey => ({ serial, kind: "certificate", validFrom: days(-700), validTo });

describe("expiringKeys", () => {
  it("lists certificates expiring within 30 days, soonest first, with the days left", () => {
    const keys = [certificate("B", days(29.5)), certificate("A", days(3)), certificate("C", days(31))];
    expect(expiringKeys(keys, now)).toEqual([
      { serial: "A", validTo: days(3), daysLeft: 3, replaced: true },
      { serial: "B", validTo: days(29.5), daysLeft: 29, replaced: true }, // C outlives the window: both are replaced
    ]);
  });

  it("says a rotation is done when another key outlives the window, and never warns about a public key", () => {
    const publicKey: TrustedKey = { serial: "PUB_KEY_ID_1", kind: "public-key", validFrom: null, validTo: null };
    expect(expiringKeys([publicKey], now)).toEqual([]);
    expect(expiringKeys([certificate("OLD", days(10)), publicKey], now)).toEqual([expect.objectContaining({ serial: "OLD", replaced: true })]);
    expect(expiringKeys([certificate("ONLY", days(10))], now)).toEqual([expect.objectContaining({ replaced: false })]);
  });

  it("is empty in simulator mode and for a configuration that does not parse", () => {
    expect(expiringWechatKeys({ env: {} })).toEqual([]);
    expect(expiringWechatKeys({ env: { WECHATPAY_MCHID: "1" } })).toEqual([]);
  });
});
