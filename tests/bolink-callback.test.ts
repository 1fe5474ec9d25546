// The callback endpoint against a real database: POST handler in, rows and answers out.
import { beforeAll, describe, expect, it } from "vitest";
import { POST } from "@/app/api/callbacks/bolink/route";
import { REJECT_REASONS } from "@/lib/bolink/reject-reasons";
import { sqlOf, type Db } from "@/lib/db/client";
import { UKEY, UNION_ID, bookingDatabase, signedNotice, validData } from "./helpers/callback-ledger";

const SEED_DATA =
  '{"trade_no":"M201WWEZXQ7TZPZ36U9W","out_trade_no":"1230912903301550565509307","attach":{"order_id":"abc123"},"card_id":"12312991","park_id":"21845","amount":0.02,"state":1,"pay_time":1550565528,"arrive_money":0.02,"fee":0,"account_type":1,"remark":"收到月卡续费-测试一二三四五六七八九十-"}';
const seedBody = (sign = "06510C5527AD8DA8180801CB80A45B4E") =>
  `{"data":${SEED_DATA},"sign":"${sign}","union_id":100000}`;

let db: Db;
bookingDatabase((created) => (db = created), { alsoEmpty: ["rejected_callbacks"] });

beforeAll(async () => {
  await db.vendorAccount.create({ data: { unionId: "200000", name: "Off", signingKey: "DISABLEDKEY12345", enabled: false } });
});

async function post(body: string | Uint8Array, headers: Record<string, string> = {}) {
  const response = await POST(
    new Request("http://localhost/api/callbacks/bolink", {
      method: "POST",
      body: body as BodyInit,
      headers: { "x-forwarded-for": "203.0.113.7", ...headers },
    }),
  );
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toContain("application/json");
  return (await response.json()) as { state: number; trade_no: string; errmsg?: string };
}

// The shared valid notice, on the seed's park and one card, so bookings here extend one card.
const BASE = { ...validData("T1"), out_trade_no: "O1", park_id: "21845", card_id: "C1" };

function notice(data: Record<string, unknown>, { unionId = UNION_ID, ukey = UKEY, type = "" } = {}) {
  return signedNotice({ ...BASE, ...data }, { union_id: Number(unionId), ...(type ? { type: Number(type) } : {}) }, ukey);
}

const counts = async () => ({
  renewals: await db.renewal.count(),
  fees: await db.feeEntry.count(),
  syncs: await db.wechatSync.count(),
  periods: await db.cardPeriod.count(),
});

describe("POST /api/callbacks/bolink", () => {
  it("books the vendor's example (signed with the spec's test key) once and answers its trade_no", async () => {
    expect(await post(seedBody())).toEqual({ state: 1, trade_no: "M201WWEZXQ7TZPZ36U9W" });
    expect(await counts()).toEqual({ renewals: 1, fees: 1, syncs: 1, periods: 1 });

    const renewal = await db.renewal.findFirstOrThrow({ include: { fee: true, sync: true } });
    expect(renewal).toMatchObject({
      idempotencyKey: "t:100000:M201WWEZXQ7TZPZ36U9W",
      unionId: UNION_ID,
      tradeNo: "M201WWEZXQ7TZPZ36U9W",
      outTradeNo: "1230912903301550565509307",
      parkId: "21845",
      cardId: "12312991",
      payState: 1,
      amountFen: 2,
      arriveMoneyFen: 2,
      feeFen: 0,
      accountType: 1,
      attach: { order_id: "abc123" },
      remark: "收到月卡续费-测试一二三四五六七八九十-",
      dataText: SEED_DATA,
      rawBody: seedBody(),
      remoteAddr: "203.0.113.7",
      hasConflict: false,
    });
    expect(renewal.payTime?.toISOString()).toBe("2019-02-19T08:38:48.000Z");
    expect(renewal.fee).toMatchObject({ amountFen: 2, arriveMoneyFen: 2, feeFen: 0, parkId: "21845" });
    expect(renewal.sync).toMatchObject({ status: "PENDING", attemptCount: 0 });

    // Bolink re-sends: same answer, nothing changes.
    expect(await post(seedBody())).toEqual({ state: 1, trade_no: "M201WWEZXQ7TZPZ36U9W" });
    expect(await counts()).toEqual({ renewals: 1, fees: 1, syncs: 1, periods: 1 });
    expect(await db.renewalConflict.count()).toBe(0);
  });

  it("books 50 concurrent identical deliveries exactly once and answers every one state 1", async () => {
    const body = notice({ trade_no: "STORM-1" });
    const answers = await Promise.all(Array.from({ length: 50 }, () => post(body)));
    expect(answers).toEqual(Array(50).fill({ state: 1, trade_no: "STORM-1" }));
    expect(await counts()).toEqual({ renewals: 1, fees: 1, syncs: 1, periods: 1 });
    expect((await db.monthCard.findFirstOrThrow()).renewalCount).toBe(1);
  });

  it("keeps a conflicting re-delivery, flags it, and books nothing more", async () => {
    expect(await post(notice({ trade_no: "C-1", amount: "120.50" }))).toMatchObject({ state: 1 });
    // Same payment, re-serialised with the amount as a number: not a conflict.
    expect(await post(notice({ trade_no: "C-1", amount: 120.5 }))).toMatchObject({ state: 1 });
    expect(await db.renewalConflict.count()).toBe(0);

    const changed = notice({ trade_no: "C-1", amount: "999.00" });
    expect(await post(changed)).toEqual({ state: 1, trade_no: "C-1" });
    expect(await post(changed)).toEqual({ state: 1, trade_no: "C-1" });

    expect(await counts()).toEqual({ renewals: 1, fees: 1, syncs: 1, periods: 1 });
    const renewal = await db.renewal.findFirstOrThrow({ include: { conflicts: true, fee: true } });
    expect(renewal.hasConflict).toBe(true);
    expect(renewal.amountFen).toBe(12050);
    expect(renewal.fee?.amountFen).toBe(12050);
    expect(renewal.conflicts).toHaveLength(1); // the same conflicting body twice is kept once
    expect(renewal.conflicts[0]).toMatchObject({ fields: ["amount"], rawBody: changed });
  });

  it("stores a failed payment (state 0) without booking income or pushing to WeChat", async () => {
    expect(await post(notice({ trade_no: "F-1", state: 0 }))).toEqual({ state: 1, trade_no: "F-1" });
    expect(await counts()).toEqual({ renewals: 1, fees: 0, syncs: 0, periods: 0 });
    expect((await db.renewal.findFirstOrThrow()).payState).toBe(0);
    expect(await db.monthCard.count()).toBe(0);
  });

  it("falls back to union_id + out_trade_no, then to a digest of the data, for third-party notices", async () => {
    const byOutTradeNo = notice({ trade_no: undefined, out_trade_no: "OUT-9", state: undefined }, { type: "1" });
    const anonymous = notice({ trade_no: undefined, out_trade_no: undefined, state: undefined }, { type: "1" });
    for (const body of [byOutTradeNo, byOutTradeNo, anonymous, anonymous]) {
      expect(await post(body)).toEqual({ state: 1, trade_no: expect.any(String) });
    }
    const rows = await db.renewal.findMany({ orderBy: { id: "asc" }, select: { idempotencyKey: true, payState: true } });
    expect(rows.map((r) => r.idempotencyKey)).toEqual([`o:${UNION_ID}:OUT-9`, expect.stringMatching(new RegExp(`^d:${UNION_ID}:[0-9a-f]{64}$`))]);
    expect(rows.every((r) => r.payState === 1)).toBe(true); // third-party notices carry no state: success
  });

  it("requires Bolink's own renewals to carry trade_no, out_trade_no, pay_time and state", async () => {
    for (const field of ["trade_no", "out_trade_no", "pay_time", "state"]) {
      const answer = await post(notice({ [field]: undefined }));
      expect(answer).toMatchObject({ state: 0, errmsg: `invalid field data.${field}: required for a Bolink month-card renewal` });
    }
    expect((await counts()).renewals).toBe(0);
  });

  it("extends the card's current period and never shortens it when renewals arrive out of order", async () => {
    await post(notice({ trade_no: "P-2", start_time: "2026-12-01", end_time: "2026-12-31", amount: "100.00" }));
    await post(notice({ trade_no: "P-1", start_time: "2026-11-01", end_time: "2026-11-30", amount: "100.00" }));
    const card = await db.monthCard.findFirstOrThrow({ include: { periods: true } });
    expect(card).toMatchObject({ parkId: "21845", cardKey: "c:C1", renewalCount: 2, totalPaidFen: 20000n });
    expect(card.periodStart?.toISOString().slice(0, 10)).toBe("2026-12-01");
    expect(card.periodEnd?.toISOString().slice(0, 10)).toBe("2026-12-31");
    expect(card.periods).toHaveLength(2);
  });

  describe("rejects bad input with JSON state 0 and writes no booking", () => {
    const bigBody = `{"data":{"x":"${"a".repeat(70 * 1024)}"}}`;
    const cases: [string, string | Uint8Array, RegExp][] = [
      ["malformed JSON", '{"data":', /malformed JSON/],
      ["empty body", "", /empty body/],
      ["a JSON array", "[1,2]", /./],
      ["data not an object", `{"union_id":100000,"sign":"${"A".repeat(32)}","data":"[]"}`, /data/],
      ["data as an array", `{"union_id":100000,"sign":"${"A".repeat(32)}","data":[1]}`, /data/],
      ["a missing sign", `{"union_id":100000,"data":${SEED_DATA}}`, /sign/],
      ["a missing union_id", `{"sign":"06510C5527AD8DA8180801CB80A45B4E","data":${SEED_DATA}}`, /union_id/],
      ["a bad sign", seedBody("06510C5527AD8DA8180801CB80A45B4F"), /bad sign/],
      ["a lowercase-hex sign of other data", seedBody("0".repeat(32)), /bad sign/],
      ["an unknown union_id", notice({}, { unionId: "999999" }), /unknown union_id/],
      ["a disabled vendor", notice({}, { unionId: "200000", ukey: "DISABLEDKEY12345" }), /vendor disabled/],
      ["a 3-decimal amount", notice({ amount: "1.234" }), /amount/],
      ["a negative amount", notice({ amount: -1 }), /amount/],
      ["an absurd amount", notice({ amount: "99999999999" }), /amount/],
      ["an amount that is not a number", notice({ amount: "abc" }), /amount/],
      ["a missing amount", notice({ amount: undefined }), /amount/],
      ["a missing park_id", notice({ park_id: undefined }), /park_id/],
      ["a wrong-typed state", notice({ state: "paid" }), /state/],
      ["a wrong-typed pay_time", notice({ pay_time: "yesterday" }), /pay_time/],
      ["an impossible date", notice({ end_time: "2026-02-30" }), /end_time/],
      ["another service", notice({ service_name: "parking_pay" }), /unsupported service/],
      ["a NUL inside attach", notice({ attach: { note: "a\u0000b" } }), /attach/],
      ["a lone surrogate inside attach", notice({ attach: { note: "\ud800" } }), /attach: contains an invalid Unicode/],
      ["attach nested 40 deep", notice({ attach: JSON.parse(`${'{"a":'.repeat(40)}1${"}".repeat(40)}`) }), /nested too deeply/],
      ["invalid UTF-8", new Uint8Array([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d]), /UTF-8/],
      ["an oversized body", bigBody, /too large/],
    ];

    it.each(cases)("%s", async (_name, body, reason) => {
      const answer = await post(body);
      expect(answer.state).toBe(0);
      expect(answer.errmsg).toMatch(reason);
      expect(typeof answer.trade_no).toBe("string");
      expect(answer.errmsg).not.toContain(UKEY);
      expect(await counts()).toEqual({ renewals: 0, fees: 0, syncs: 0, periods: 0 });
      const rejected = await db.rejectedCallback.findFirstOrThrow();
      // The log keeps a code (the dashboard's text comes from the catalogue) and the field it names.
      expect(REJECT_REASONS).toContain(rejected.reason);
      expect(rejected.reason).not.toBe("other");
      if (rejected.field) expect(answer.errmsg).toContain(rejected.field);
      expect(rejected.remoteAddr).toBe("203.0.113.7");
      expect(rejected.body.length).toBeLessThanOrEqual(8 * 1024);
    });

    it("an oversized body announced by Content-Length is refused before it is read", async () => {
      const answer = await post("{}", { "content-length": String(10 * 1024 * 1024) }).catch(() => null);
      // Undici may refuse a lying Content-Length; either way nothing is booked.
      if (answer) expect(answer).toMatchObject({ state: 0, errmsg: "body too large" });
      expect((await counts()).renewals).toBe(0);
    });

    it("keeps what it can read of a rejected notice for operators", async () => {
      await post(seedBody("06510C5527AD8DA8180801CB80A45B4F"));
      expect(await db.rejectedCallback.findFirstOrThrow()).toMatchObject({
        reason: "bad_sign",
        unionId: "100000",
        tradeNo: "M201WWEZXQ7TZPZ36U9W",
      });
    });
  });

  it("prunes the rejected-callback log to its limit, oldest first", async () => {
    const { recordRejection } = await import("@/lib/bolink/rejections");
    for (let i = 0; i < 12; i++) {
      await recordRejection(sqlOf(db), { code: "other", field: `r${i}`, body: "x", bodyBytes: 1, remoteAddr: null }, 5);
    }
    const kept = await db.rejectedCallback.findMany({ orderBy: { id: "asc" }, select: { field: true } });
    expect(kept.map((r) => r.field)).toEqual(["r7", "r8", "r9", "r10", "r11"]);
  });
});
