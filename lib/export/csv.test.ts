import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { contentDisposition, csvCell, csvChunks, csvFilename, type CsvColumn } from "./csv";

const TRADE_NO = "4200001234567890123456789012"; // 28 digits: Excel would show 4.2E+27

describe("csvCell", () => {
  it("keeps long digit strings, leading zeros and date-like ids as text", () => {
    expect(csvCell(TRADE_NO)).toBe(`="${TRADE_NO}"`);
    expect(csvCell("00123")).toBe('="00123"');
    expect(csvCell("21845")).toBe('="21845"');
    expect(csvCell("1-2")).toBe('="1-2"');
    expect(csvCell("1E5")).toBe('="1E5"');
  });

  it("neutralises cells that Excel would run as a formula (OWASP CSV injection)", () => {
    expect(csvCell('=HYPERLINK("http://x","y")')).toBe(`'=HYPERLINK("http://x","y")`);
    for (const start of ["+", "-", "@", "\t", "\r"]) expect(csvCell(`${start}cmd|' /C calc'!A0`)).toMatch(/^'/);
    // A number-looking value with a sign is still a formula start, not wrapped as ="…".
    expect(csvCell("-1+1")).toBe("'-1+1");
  });

  it("leaves plain text, our own figures and times alone", () => {
    expect(csvCell("京A47829")).toBe("京A47829");
    expect(csvCell("12.50", "number")).toBe("12.50");
    expect(csvCell(3, "number")).toBe("3");
    expect(csvCell("2026-11-22 18:04:05", "date")).toBe("2026-11-22 18:04:05");
    expect(csvCell(null)).toBe("");
    expect(csvCell(undefined, "number")).toBe("");
  });
});

describe("csvChunks", () => {
  it("writes a BOM, the header and each batch as parseable CSV with the cells kept", async () => {
    type Row = { trade: string; park: string; note: string; amount: string };
    const columns: CsvColumn<Row>[] = [
      { header: "交易号", value: (r) => r.trade },
      { header: "车场", value: (r) => r.park },
      { header: "备注", value: (r) => r.note },
      { header: "金额", kind: "number", value: (r) => r.amount },
    ];
    async function* batches() {
      yield [{ trade: TRADE_NO, park: "=HYPERLINK(\"http://evil\",\"x\")", note: 'say "hi",\nbye', amount: "12.50" }];
      yield [];
      yield [{ trade: "M201WWEZXQ7TZPZ36U9W", park: "21845", note: "", amount: "0.02" }];
    }
    let text = "";
    for await (const chunk of csvChunks(columns, batches())) text += chunk;
    expect(text.startsWith("\uFEFF交易号,车场,备注,金额\n")).toBe(true);
    const rows = parse(text.slice(1)) as string[][];
    expect(rows).toEqual([
      ["交易号", "车场", "备注", "金额"],
      [`="${TRADE_NO}"`, `'=HYPERLINK("http://evil","x")`, 'say "hi",\nbye', "12.50"],
      ["M201WWEZXQ7TZPZ36U9W", '="21845"', "", "0.02"],
    ]);
  });
});

describe("file names", () => {
  it("carry the filter and stay safe as a path", () => {
    expect(csvFilename("renewals", ["2026-11-01", "2026-11-30", "park-21845", undefined, false])).toBe("renewals_2026-11-01_2026-11-30_park-21845.csv");
    expect(csvFilename("cards", ["expiring", "park-a/b c"])).toBe("cards_expiring_park-a-b-c.csv");
  });

  it("send an ASCII fallback and the exact UTF-8 name (RFC 6266 / 5987)", () => {
    expect(contentDisposition("renewals_park-21845.csv")).toBe(`attachment; filename="renewals_park-21845.csv"; filename*=UTF-8''renewals_park-21845.csv`);
    expect(contentDisposition("renewals_park-北京站.csv")).toBe(
      `attachment; filename="renewals_park-___.csv"; filename*=UTF-8''renewals_park-%E5%8C%97%E4%BA%AC%E7%AB%99.csv`,
    );
  });
});
