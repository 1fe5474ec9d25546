import { describe, expect, it } from "vitest";
import { conflictDiff, prettyJson } from "@/lib/bolink/conflict-diff";

describe("conflictDiff", () => {
  it("lists changed, removed and added fields, old → new", () => {
    const booked = '{"trade_no":"T1","amount":"120.00","attach":{"a":1},"remark":"x"}';
    const again = '{"trade_no":"T1","amount":"12.00","attach":{"a":2},"car_number":"沪A1"}';
    expect(conflictDiff(booked, again)).toEqual([
      { field: "amount", booked: "120.00", redelivered: "12.00" },
      { field: "attach", booked: '{"a":1}', redelivered: '{"a":2}' },
      { field: "remark", booked: "x", redelivered: null },
      { field: "car_number", booked: null, redelivered: "沪A1" },
    ]);
  });

  it("is null when a text is not a JSON object, and pretty-prints only JSON", () => {
    expect(conflictDiff("{", "{}")).toBeNull();
    expect(conflictDiff("[1]", "{}")).toBeNull();
    expect(prettyJson('{"a":{"b":1}}')).toBe('{\n  "a": {\n    "b": 1\n  }\n}');
    expect(prettyJson("not json")).toBe("not json");
  });
});
