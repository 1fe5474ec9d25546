// The callback's guards: a source allowlist, a per-address budget for invalid requests that a
// valid signed notice never touches, and rejection counts that outlive the bounded log.
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createCallbackEndpoint, type EndpointConfig } from "@/lib/bolink/endpoint";
import { sqlOf, type Db } from "@/lib/db/client";
import { parseAllowlist } from "@/lib/http/allowlist";
import { clientIp } from "@/lib/http/client-ip";
import { createRateLimiter } from "@/lib/http/rate-limit";
import { parseEnv } from "@/lib/env";
import { UKEY, UNION_ID, signedNotice, validData } from "./helpers/callback-ledger";
import { createTestDatabase } from "./helpers/database";

let db: Db;

beforeAll(async () => {
  ({ db } = await createTestDatabase());
  await db.vendorAccount.create({ data: { unionId: UNION_ID, name: "Bolink", signingKey: UKEY } });
});

beforeEach(async () => {
  await db.$executeRawUnsafe("TRUNCATE renewals, fee_entries, wechat_syncs, rejected_callbacks, rejected_callback_counts CASCADE");
});

function endpoint(options: Partial<EndpointConfig> = {}) {
  const config: EndpointConfig = {
    sql: () => sqlOf(db),
    // One trusted proxy, as behind nginx: the client is the entry before the proxy's.
    clientIp: (request) => clientIp(request.headers, 1),
    keepRejected: 100,
    ...options,
  };
  const POST = createCallbackEndpoint(() => config);
  return async (body: string, from: string) => {
    const response = await POST(
      new Request("http://localhost/api/callbacks/bolink", { method: "POST", body, headers: { "x-forwarded-for": `${from}, 10.0.0.2` } }),
    );
    expect(response.headers.get("content-type")).toBe("application/json");
    return { status: response.status, answer: (await response.json()) as { state: number; trade_no: string; errmsg?: string } };
  };
}

const valid = (tradeNo: string) => signedNotice(validData(tradeNo));
const badSign = (tradeNo: string) => signedNotice(validData(tradeNo), {}, "WRONGKEY00000000");

describe("BOLINK_ALLOWED_IPS", () => {
  const post = endpoint({ allowlist: parseAllowlist("203.0.113.0/24, 2001:db8:b01::/48") });

  it("books notices from listed IPv4 and IPv6 sources (the client behind the trusted proxy)", async () => {
    expect(await post(valid("ALLOW-4"), "203.0.113.77")).toEqual({ status: 200, answer: { state: 1, trade_no: "ALLOW-4" } });
    expect(await post(valid("ALLOW-6"), "2001:db8:b01:7::1")).toEqual({ status: 200, answer: { state: 1, trade_no: "ALLOW-6" } });
    expect(await db.renewal.count()).toBe(2);
  });

  it("refuses other sources with a JSON 403, books and logs nothing", async () => {
    for (const from of ["198.51.100.1", "2001:db8:b02::1", "not-an-ip"]) {
      expect(await post(valid(`DENY-${from}`), from)).toEqual({ status: 403, answer: { state: 0, trade_no: "", errmsg: "source address not allowed" } });
    }
    // The proxy's own address is not the client's: listing the proxy does not let everyone through.
    const listsProxy = endpoint({ allowlist: parseAllowlist("10.0.0.0/8") });
    expect((await listsProxy(valid("VIA-PROXY"), "198.51.100.1")).status).toBe(403);
    expect(await db.renewal.count()).toBe(0);
    expect(await db.rejectedCallback.count()).toBe(0);
  });

  it("is read from the environment, and a bad entry stops startup with its text", () => {
    expect(parseEnv({ BOLINK_ALLOWED_IPS: " 203.0.113.0/24,2001:db8::/32 " }).BOLINK_ALLOWED_IPS?.entries).toEqual(["203.0.113.0/24", "2001:db8::/32"]);
    expect(parseEnv({}).BOLINK_ALLOWED_IPS).toBeUndefined();
    expect(() => parseEnv({ BOLINK_ALLOWED_IPS: "203.0.113.0/33" })).toThrow(/BOLINK_ALLOWED_IPS: "203.0.113.0\/33" is not an IPv4 or IPv6/);
  });
});

describe("the budget for invalid requests", () => {
  it("answers junk over the budget 429 without logging it, while a valid notice from that address still books", async () => {
    const post = endpoint({ invalidLimiter: createRateLimiter({ perMinute: 5 }) });
    for (let i = 0; i < 5; i++) expect(await post(badSign(`J${i}`), "198.51.100.20")).toMatchObject({ status: 200, answer: { state: 0, errmsg: "bad sign" } });
    expect(await post("{", "198.51.100.20")).toEqual({ status: 429, answer: { state: 0, trade_no: "", errmsg: "too many invalid requests, slow down" } });
    expect(await post(badSign("J9"), "198.51.100.20")).toMatchObject({ status: 429 });
    // Valid signed notices never count against the budget and are never refused by it.
    for (let i = 0; i < 10; i++) expect(await post(valid(`OK-${i}`), "198.51.100.20")).toEqual({ status: 200, answer: { state: 1, trade_no: `OK-${i}` } });
    // Another address has its own budget.
    expect(await post("{", "198.51.100.21")).toMatchObject({ status: 200, answer: { errmsg: "malformed JSON" } });

    expect(await db.renewal.count()).toBe(10);
    expect(await db.rejectedCallback.count()).toBe(6);
  });

  it("refills with time and stays bounded in memory", () => {
    const limiter = createRateLimiter({ perMinute: 60, burst: 2, maxKeys: 100 });
    expect([limiter.take("a", 0), limiter.take("a", 0), limiter.take("a", 0)]).toEqual([true, true, false]);
    expect(limiter.take("a", 1_000)).toBe(true); // one token a second
    for (let i = 0; i < 1_000; i++) limiter.take(`10.0.${i >> 8}.${i & 255}`, 2_000);
    expect(limiter.size).toBe(100);
    // An IPv6 sender counts per /64: rotating addresses inside it does not mint new budgets.
    const v6 = createRateLimiter({ perMinute: 60, burst: 2 });
    expect(["2001:db8:1:2::1", "2001:db8:1:2::2", "2001:db8:1:2:ffff::9"].map((address) => v6.take(address, 0))).toEqual([true, true, false]);
    expect(v6.take("2001:db8:1:3::1", 0)).toBe(true);
  });
});

describe("rejection counts", () => {
  it("keep counting every rejection by reason code after the log has pruned the rows", async () => {
    const post = endpoint({ keepRejected: 3 });
    for (let i = 0; i < 7; i++) await post(badSign(`B${i}`), "198.51.100.30");
    for (let i = 0; i < 4; i++) await post("{", "198.51.100.30");
    await post(signedNotice({ ...validData("A1"), amount: "1.234" }), "198.51.100.30");

    expect(await db.rejectedCallback.findMany({ orderBy: { id: "asc" }, select: { reason: true, field: true } })).toEqual([
      { reason: "malformed_json", field: null },
      { reason: "malformed_json", field: null },
      { reason: "invalid_field", field: "data.amount" },
    ]);
    const counts = await db.rejectedCallbackCount.findMany({ orderBy: { reason: "asc" } });
    expect(counts.map((c) => [c.reason, Number(c.count)])).toEqual([
      ["bad_sign", 7],
      ["invalid_field", 1],
      ["malformed_json", 4],
    ]);
  });
});
