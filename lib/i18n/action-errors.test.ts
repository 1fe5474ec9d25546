import { describe, expect, it } from "vitest";
import { fieldProblem } from "@/lib/actions/problem";
import { parseParksCsv } from "@/lib/parks/import-csv";
import { updateParkInput } from "@/lib/validations/parks";
import { USER_ERRORS } from "@/lib/validations/users";
import { localizeActionError } from "./action-errors";
import { en } from "./messages/en";
import { zhCN } from "./messages/zh-CN";

const CHINESE_ONLY = /^[^A-Za-z]*(?:park_id,name,wx_parking_lot_id,fee_type)?[^A-Za-z]*$/;

describe("localizeActionError", () => {
  it("words a field's schema failure without zod's English", () => {
    const parsed = updateParkInput.safeParse({ parkId: "P1", name: null, wxParkingLotId: "含 空格", feeTypeOverride: null });
    expect(parsed.success).toBe(false);
    const problem = { kind: "invalid" as const, ...fieldProblem(parsed.error!.issues[0]) };
    const zh = localizeActionError(zhCN, { error: "invalid input: wxParkingLotId: visible ASCII only", problem });
    expect(zh).toBe("微信停车场 ID：只能包含可见的英文字母、数字和符号，不能有空格或中文");
    expect(localizeActionError(en, { error: "x", problem })).toBe("WeChat parking-lot ID: visible ASCII letters, digits and symbols only, no spaces");
  });

  it("words every bad row of a park import, by line", () => {
    const parsed = parseParksCsv("park_id,name,wx_parking_lot_id,fee_type\nP1,好,含 空格,\nP1,好,,\n,x,,\n");
    expect("errors" in parsed).toBe(true);
    if (!("errors" in parsed)) return;
    const problem = { kind: "import" as const, total: parsed.errors.length, rows: parsed.errors.map((e) => e.problem) };
    const zh = localizeActionError(zhCN, { error: "nothing imported; 2 bad row(s)", problem });
    expect(zh).toBe("没有导入任何车场：2 行有误。第 2 行：微信停车场 ID：只能包含可见的英文字母、数字和符号，不能有空格或中文；第 4 行：车场编号：必须填写");
    expect(localizeActionError(zhCN, { error: "x", problem: { kind: "import", total: 1, rows: [{ line: 1, reason: "header" }] } })).toMatch(CHINESE_ONLY);
  });

  it("maps the shared and per-resource refusals, and leaves unknown text as written", () => {
    expect(localizeActionError(zhCN, { error: "forbidden" })).toBe("没有权限执行此操作");
    expect(localizeActionError(zhCN, { error: "internal error" })).toBe("操作失败，请稍后重试");
    expect(localizeActionError(zhCN, { error: USER_ERRORS.selfDisable })).toBe("不能停用自己的账号");
    expect(localizeActionError(zhCN, { error: "something new" })).toBe("something new");
  });
});
