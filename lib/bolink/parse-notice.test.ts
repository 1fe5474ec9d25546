import { describe, expect, it } from "vitest";
import { parseNotice } from "@/lib/bolink/parse-notice";

const data = {
  trade_no: "T1",
  out_trade_no: "O1",
  park_id: 21845,
  amount: "0.01",
  state: "1",
  pay_time: "1550565528",
  arrive_money: 0.01,
  fee: 0,
  account_type: 1,
  remark: "r",
};
const body = (fields: Record<string, unknown> = {}, envelope: Record<string, unknown> = {}) =>
  JSON.stringify({ union_id: "100000", sign: "S", data: { ...data, ...fields }, ...envelope });

describe("parseNotice", () => {
  it("normalises numeric strings and numbers, keeps attach and unknown fields, treats null as absent", () => {
    const result = parseNotice(body({ attach: '{"a":1}', vendor_new_field: { x: [1] }, card_id: null, license_color: "4" }));
    expect(result).toMatchObject({
      ok: true,
      notice: {
        unionId: "100000",
        parkId: "21845",
        amountFen: 1,
        payState: 1,
        payTime: new Date(1_550_565_528_000),
        attach: '{"a":1}',
        cardId: null,
        licenseColor: 4,
        extra: { vendor_new_field: { x: [1] } },
      },
    });
    expect(parseNotice(body({ attach: { order_id: "abc" } }))).toMatchObject({ notice: { attach: { order_id: "abc" } } });
  });

  it.each(["amount", "park_id"])("names a missing required field: %s", (field) => {
    expect(parseNotice(body({ [field]: undefined }))).toMatchObject({ ok: false, reason: `missing field data.${field}` });
  });

  it.each([
    [{ pay_time: 1_550_565_528_000 }, "data.pay_time"],
    [{ state: 2 }, "data.state"],
    [{ license_color: 9 }, "data.license_color"],
    [{ start_time: "2026-02-30" }, "data.start_time"],
    [{ start_time: "2026-03-01", end_time: "2026-02-01" }, "data.end_time"],
    [{ park_id: "" }, "data.park_id"],
    [{ remark: "x".repeat(501) }, "data.remark"],
    [{ attach: 5 }, "data.attach"],
  ])("rejects %o naming %s", (fields, field) => {
    const result = parseNotice(body(fields));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toContain(`invalid field ${field}`);
  });

  it("lets a third-party notice (type 1) omit the Bolink-only fields; its missing state means paid", () => {
    const result = parseNotice(
      body({ state: undefined, trade_no: undefined, pay_time: undefined, remark: undefined }, { type: 1 }),
    );
    expect(result).toMatchObject({ ok: true, notice: { payState: 1, sourceType: 1, tradeNo: null, payTime: null } });
  });

  it("never echoes the values it refuses", () => {
    const secret = "<script>alert(1)</script>";
    const result = parseNotice(body({ amount: secret, park_id: { [secret]: 1 } }));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).not.toContain("script");
  });
});
