import { describe, expect, it } from "vitest";
import { MAX_FEN, yuanToFen } from "@/lib/bolink/money";

describe("yuanToFen", () => {
  it.each([
    [0.01, 1],
    [0.1, 10],
    [0.29, 29],
    [1.15, 115],
    [4.35, 435],
    ["12.30", 1230],
    [0, 0],
    [99999.99, 9_999_999],
    ["0.02", 2],
    [120.5, 12050],
    ["1000000.00", MAX_FEN],
    ["0.00", 0],
  ])("%s yuan is exactly %i fen", (yuan, fen) => {
    expect(yuanToFen(yuan)).toEqual({ ok: true, fen });
  });

  it.each([
    [0.001, "more than 2 decimals"],
    ["1.234", "more than 2 decimals"],
    [-1, "negative"],
    ["-0.01", "negative"],
    ["abc", "not a decimal amount in yuan"],
    ["", "not a decimal amount in yuan"],
    [" 1.00", "not a decimal amount in yuan"],
    ["1e2", "not a decimal amount in yuan"],
    [1e21, "not a decimal amount in yuan"],
    ["01.00", "not a decimal amount in yuan"],
    [Number.NaN, "not a finite number"],
    [Number.POSITIVE_INFINITY, "not a finite number"],
    ["1000000.01", "above the plausible maximum"],
    [100000000.01, "above the plausible maximum"],
    ["99999999999999999999", "above the plausible maximum"],
    ["12.300", "more than 2 decimals"],
    ["1.", "not a decimal amount in yuan"],
    [".5", "not a decimal amount in yuan"],
    ["1.00 ", "not a decimal amount in yuan"],
    [1e-7, "not a decimal amount in yuan"],
    [0.1 + 0.2, "more than 2 decimals"],
    [true, "must be a number or a numeric string"],
    [null, "must be a number or a numeric string"],
  ])("rejects %s (%s)", (yuan, reason) => {
    expect(yuanToFen(yuan)).toEqual({ ok: false, reason });
  });
});
