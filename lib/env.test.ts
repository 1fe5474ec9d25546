import { describe, expect, it } from "vitest";
import { EnvError, parseEnv } from "@/lib/env";

describe("SYNC_LEASE and WECHATPAY_TIMEOUT", () => {
  it("default to a 60 s lease and a 10 s call timeout", () => {
    expect(parseEnv({})).toMatchObject({ SYNC_LEASE: 60_000, WECHATPAY_TIMEOUT: 10_000 });
  });

  it("accept a lease that outlasts a failover's two timeouts", () => {
    expect(parseEnv({ SYNC_LEASE: "12s", WECHATPAY_TIMEOUT: "3s" })).toMatchObject({ SYNC_LEASE: 12_000, WECHATPAY_TIMEOUT: 3_000 });
  });

  it("refuse a lease a slow call could outlive, saying what would do", () => {
    expect(() => parseEnv({ SYNC_LEASE: "20s" })).toThrow(EnvError);
    expect(() => parseEnv({ SYNC_LEASE: "20s" })).toThrow(/at least twice WECHATPAY_TIMEOUT plus 5s \(25s/);
  });

  it("refuse a timeout longer than the client allows, or not a duration", () => {
    expect(() => parseEnv({ WECHATPAY_TIMEOUT: "30s" })).toThrow(/WECHATPAY_TIMEOUT: must be at most 25s/);
    expect(() => parseEnv({ WECHATPAY_TIMEOUT: "soon" })).toThrow(/WECHATPAY_TIMEOUT/);
  });
});
